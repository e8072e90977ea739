package io.cuadra.orders.events;

/**
 * Fired synchronously before any change to an order or its payments is committed (registration,
 * discount, payment, status change, cancellation). Reconciliation observes it to refuse changes to
 * a day already closed at the order's location: throwing rolls the change back. Once per transaction:
 * a registration with its payments is one REGISTER whose snapshot carries those payments.
 *
 * @param change what is changing: REGISTER, DISCOUNT, PAYMENT, STATUS, CANCEL or RETURN
 */
public record OrderChanged(OrderSnapshot order, String change) {
}
