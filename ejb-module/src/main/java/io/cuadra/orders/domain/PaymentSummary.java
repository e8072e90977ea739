package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

/** What the counter shows about an order's payments. */
public record PaymentSummary(Money total, Money paid, Money balanceDue, PaymentStatus status, Money changeGiven) {
}
