package io.cuadra.orders.application;

import java.math.BigDecimal;

/**
 * A payment as the counter takes it.
 *
 * @param amount   what it pays of the order; for cash without {@code tendered}, what the customer hands
 *                 over (the part above the balance is change)
 * @param tendered cash only: what the customer hands over for exactly {@code amount}
 */
public record PaymentDraft(String methodCode, BigDecimal amount, BigDecimal tendered, String reference) {
}
