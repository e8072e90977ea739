package io.cuadra.reconciliation.domain.cash;

/** Whether a denomination is counted as a banknote or a coin. */
public enum DenominationForm {
    NOTE,
    COIN;

    String plural() {
        return this == NOTE ? "notes" : "coins";
    }
}
