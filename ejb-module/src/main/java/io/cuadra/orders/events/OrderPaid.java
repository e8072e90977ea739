package io.cuadra.orders.events;

import jakarta.interceptor.Interceptor;

/**
 * Fired synchronously, inside the transaction of the payment that made the order fully paid.
 * Inventory takes the stock out and billing issues the invoice; an observer that throws rolls the
 * payment back with everything else.
 *
 * <p>Observers run in a fixed order ({@code @Priority} on the observed parameter), so every sale takes its row
 * locks in the same order — stock balances first, then the billing series' counter (the location's hottest
 * row, so held for the shortest time), then whatever only queues work after them — and two sales never wait on
 * each other crosswise.
 */
public record OrderPaid(OrderSnapshot order) {

    /** Inventory takes the goods out (locks the stock balances of the order's items). */
    public static final int STOCK = Interceptor.Priority.APPLICATION + 100;
    /** Billing issues the invoice (locks the location's series counter). */
    public static final int BILLING = Interceptor.Priority.APPLICATION + 200;
    /** Work queued after the money and goods are recorded (lab orders, notices). */
    public static final int FOLLOW_UP = Interceptor.Priority.APPLICATION + 300;
}
