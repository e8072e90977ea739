package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** Money that came into the bank account, as matching sees it. The id is the statement transaction's fingerprint or row id. */
public record BankCredit(String id, LocalDate date, Money amount, String reference, String description,
                         String counterparty, CreditState state) implements Serializable {

    public BankCredit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(state, "state");
    }

    public static BankCredit from(StatementTransaction t, CreditState state) {
        return new BankCredit(t.fingerprint(), t.date(), t.amount(), t.reference(), t.description(), t.counterparty(),
                state);
    }

    /** The payer's name: the counterparty column when the bank gives one, otherwise the description that carries it. */
    public String payerName() {
        return counterparty != null && !counterparty.isBlank() ? counterparty : description;
    }

    boolean isOfferable() {
        return state == CreditState.UNMATCHED && amount.amount().signum() > 0;
    }
}
