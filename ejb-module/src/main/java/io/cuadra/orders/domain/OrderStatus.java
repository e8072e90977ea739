package io.cuadra.orders.domain;

import java.util.Set;

/**
 * Where an order stands in its work: REGISTERED → IN_PROCESS → COMPLETED, or CANCELLED (with a
 * reason) from REGISTERED or IN_PROCESS. A COMPLETED order is only undone by billing's credit note
 * flow, never by a status change.
 */
public enum OrderStatus {
    REGISTERED,
    IN_PROCESS,
    COMPLETED,
    CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case REGISTERED -> Set.of(IN_PROCESS, CANCELLED);
            case IN_PROCESS -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Work still to do: discounts and cancellation are possible only then. */
    public boolean isOpen() {
        return this == REGISTERED || this == IN_PROCESS;
    }
}
