package io.cuadra.reconciliation.domain.closure;

/** Where a day's closure stands. Only a CLOSED day is frozen; a REOPENED day behaves like an open one until closed again. */
public enum ClosureStatus {
    OPEN,
    CLOSED,
    REOPENED;

    public boolean isFrozen() {
        return this == CLOSED;
    }
}
