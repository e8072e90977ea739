package io.cuadra.reconciliation.domain.bank;

/** Where a bank credit stands in reconciliation; only UNMATCHED credits are offered to the matching engine. */
public enum CreditState {
    UNMATCHED,
    MATCHED,
    /** Marked by a person as not a customer payment (interest, a transfer between own accounts). */
    IGNORED
}
