package io.cuadra.orders.events;

/**
 * Fired synchronously, inside the transaction of the payment that made the order fully paid.
 * Inventory takes the stock out and billing issues the invoice; an observer that throws rolls the
 * payment back with everything else.
 */
public record OrderPaid(OrderSnapshot order) {
}
