package io.cuadra.shared.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to try an outbox message again: exponential backoff (base, 2 x base, 4 x base ...) capped at
 * {@code max}; after {@code maxAttempts} failed attempts the message is given up (FAILED) and waits for
 * a person (e.g. the resend of a document).
 */
public record OutboxBackoff(Duration base, Duration max, int maxAttempts) {

    public OutboxBackoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("The backoff base must be positive and not above the maximum.");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed.");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first failure). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
        // 2^62 overflows nothing below; beyond ~40 doublings every sane base is past the cap anyway.
        int doublings = Math.min(attempts - 1, 40);
        Duration delay = base;
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a message that has failed {@code attempts} times is given up. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    public Instant nextAttempt(Instant failedAt, int attempts) {
        return failedAt.plus(delayAfter(attempts));
    }
}
