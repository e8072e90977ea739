package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

/** Where an order stands with its payments; always derived from the sums, never set by hand. */
public enum PaymentStatus {
    PENDING,
    PARTIAL,
    PAID;

    /** An order worth nothing (fully discounted) is paid: nothing is due. */
    public static PaymentStatus of(Money total, Money paid) {
        if (paid.compareTo(total) >= 0) {
            return PAID;
        }
        return paid.isZero() ? PENDING : PARTIAL;
    }
}
