package io.cuadra.orders.domain;

import java.util.Set;

/**
 * Where an order stands in its work: REGISTERED → IN_PROCESS → COMPLETED, or CANCELLED (with a
 * reason) from REGISTERED or IN_PROCESS. A COMPLETED sale is undone by returns (a credit note and a
 * refund), never by a status change: PARTIALLY_RETURNED while some of it is still the customer's,
 * RETURNED once everything came back.
 */
public enum OrderStatus {
    REGISTERED,
    IN_PROCESS,
    COMPLETED,
    CANCELLED,
    PARTIALLY_RETURNED,
    RETURNED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case REGISTERED -> Set.of(IN_PROCESS, CANCELLED);
            case IN_PROCESS -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED, PARTIALLY_RETURNED, RETURNED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Work still to do: discounts and cancellation are possible only then. */
    public boolean isOpen() {
        return this == REGISTERED || this == IN_PROCESS;
    }

    /** A completed sale of which something may still come back. */
    public boolean takesReturns() {
        return this == COMPLETED || this == PARTIALLY_RETURNED;
    }
}
