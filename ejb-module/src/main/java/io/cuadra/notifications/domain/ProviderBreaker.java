package io.cuadra.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A circuit breaker for one provider: after {@code threshold} failures in a row (5xx, 429, unreachable) the
 * provider is paused for {@code pause}; then one trial call is let through: a success closes the breaker, a
 * failure pauses it again. A refusal (4xx) is the message's fault, not the provider's, and counts as neither.
 *
 * <p>Written by hand because Payara 6.2025.10 did not apply MicroProfile Fault Tolerance's {@code @CircuitBreaker}
 * to the EJB module's beans. Thread-safe: the outbox delivers on several threads.
 */
public final class ProviderBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What the history and the health view show. */
    public record Snapshot(State state, int failuresInARow, Instant pausedUntil, long calls, long failures,
                           long refusedWhilePaused) {
    }

    private final int threshold;
    private final Duration pause;
    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant pausedUntil;
    private boolean trialOut;
    private long calls;
    private long failures;
    private long refusedWhilePaused;

    public ProviderBreaker(int threshold, Duration pause) {
        if (threshold < 1 || pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("A breaker needs a threshold of at least 1 and a positive pause.");
        }
        this.threshold = threshold;
        this.pause = pause;
    }

    /** Empty when a call may go now; otherwise until when the provider is paused. */
    public synchronized Optional<Instant> refusal(Instant now) {
        if (state == State.OPEN && !now.isBefore(pausedUntil)) {
            state = State.HALF_OPEN;
            trialOut = false;
        }
        if (state == State.OPEN || (state == State.HALF_OPEN && trialOut)) {
            refusedWhilePaused++;
            // A trial is out: the others wait a little and see what it said.
            return Optional.of(state == State.OPEN ? pausedUntil : now.plus(pause.dividedBy(10)));
        }
        if (state == State.HALF_OPEN) {
            trialOut = true;
        }
        calls++;
        return Optional.empty();
    }

    /** The provider answered (a receipt, or a refusal of that one message: the provider itself is up). */
    public synchronized void succeeded() {
        state = State.CLOSED;
        failuresInARow = 0;
        pausedUntil = null;
        trialOut = false;
    }

    public synchronized void failed(Instant now) {
        failures++;
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= threshold) {
            state = State.OPEN;
            pausedUntil = now.plus(pause);
            trialOut = false;
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, failuresInARow, pausedUntil, calls, failures, refusedWhilePaused);
    }
}
