package io.cuadra.reconciliation.domain.bank;

/** How many credits and payments a match pairs. */
public enum MatchShape {
    ONE_TO_ONE,
    /** One deposit covering several payments (a customer paying two orders with one transfer). */
    ONE_CREDIT_MANY_PAYMENTS,
    /** Several deposits settling one order's payments. */
    MANY_CREDITS_ONE_ORDER
}
