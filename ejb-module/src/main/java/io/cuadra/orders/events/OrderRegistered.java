package io.cuadra.orders.events;

/**
 * Fired synchronously, inside the registering transaction, once the order has its number. Inventory
 * reserves stock here when the tenant asks for reservations.
 */
public record OrderRegistered(OrderSnapshot order) {
}
