package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One transition of a closure: who moved it, when, and the notes (closing) or reason (reopening) they gave. */
public record ClosureEvent(ClosureStatus from, ClosureStatus to, Actor actor, Instant at, String note)
        implements Serializable {

    public ClosureEvent {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (!isAllowed(from, to)) {
            throw new IllegalArgumentException("A closure cannot go from " + from + " to " + to);
        }
    }

    static boolean isAllowed(ClosureStatus from, ClosureStatus to) {
        return switch (to) {
            case CLOSED -> from == ClosureStatus.OPEN || from == ClosureStatus.REOPENED;
            case REOPENED -> from == ClosureStatus.CLOSED;
            case OPEN -> false;
        };
    }
}
