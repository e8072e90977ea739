package io.cuadra.shared.outbox;

/**
 * Thrown by a handler when the message could not be delivered this time but may be later (the other
 * side was down, answered an exception...): the worker schedules the next attempt with backoff.
 */
public class OutboxRetry extends Exception {

    private static final long serialVersionUID = 1L;

    /** When set, the next attempt is at this instant and this one is not counted (nothing was tried). */
    private final java.time.Instant postponedUntil;

    public OutboxRetry(String message, Throwable cause) {
        this(message, cause, null);
    }

    private OutboxRetry(String message, Throwable cause, java.time.Instant postponedUntil) {
        super(message, cause);
        this.postponedUntil = postponedUntil;
    }

    /** The handler did not try (its provider is paused): try again at {@code until} without spending an attempt. */
    public static OutboxRetry postpone(String message, java.time.Instant until) {
        return new OutboxRetry(message, null, java.util.Objects.requireNonNull(until, "until"));
    }

    public java.util.Optional<java.time.Instant> postponedUntil() {
        return java.util.Optional.ofNullable(postponedUntil);
    }
}
