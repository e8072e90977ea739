package io.cuadra.reconciliation.domain.closure;

/** How much of an order has been paid; only a PAID order must be fully covered by payments and invoiced. */
public enum PaymentStatus {
    UNPAID,
    PARTIALLY_PAID,
    PAID,
    REFUNDED
}
