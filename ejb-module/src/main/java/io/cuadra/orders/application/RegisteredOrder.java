package io.cuadra.orders.application;

import java.math.BigDecimal;

/**
 * What a caller of another component learns of an order it just registered: its id, its number and what it
 * totals at the catalog's prices.
 */
public record RegisteredOrder(long orderId, String number, BigDecimal total) {
}
