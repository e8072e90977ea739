package io.cuadra.reconciliation.domain;

/** The family of a payment method; the method code (e.g. "VISA", "YAPE") says which one exactly. */
public enum PaymentKind {
    CASH,
    CARD,
    TRANSFER,
    /** Mobile wallets such as Yape or Plin. */
    WALLET,
    OTHER;

    /** Card vouchers and transfers are traced by their operation number; without it they cannot be audited. */
    public boolean requiresReference() {
        return this == CARD || this == TRANSFER;
    }

    /** Money that arrives on the bank statement and can therefore be matched to a bank credit. */
    public boolean settlesThroughBank() {
        return this == CARD || this == TRANSFER || this == WALLET;
    }
}
