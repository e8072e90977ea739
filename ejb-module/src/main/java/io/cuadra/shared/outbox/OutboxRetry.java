package io.cuadra.shared.outbox;

/**
 * Thrown by a handler when the message could not be delivered this time but may be later (the other
 * side was down, answered an exception...): the worker schedules the next attempt with backoff.
 */
public class OutboxRetry extends Exception {

    private static final long serialVersionUID = 1L;

    public OutboxRetry(String message, Throwable cause) {
        super(message, cause);
    }
}
