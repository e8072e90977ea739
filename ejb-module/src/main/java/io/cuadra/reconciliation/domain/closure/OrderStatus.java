package io.cuadra.reconciliation.domain.closure;

/** Life of a sales order as far as the closure cares: cancelled orders bring in no money and need no invoice. */
public enum OrderStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
