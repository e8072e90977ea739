package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

/** What goes back to the customer by one payment method when a paid order is cancelled. */
public record Refund(PaymentMethod method, Money amount) {
}
