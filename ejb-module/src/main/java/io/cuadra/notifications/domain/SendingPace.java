package io.cuadra.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A tenant's cap on messages a minute to providers (what its plan or the provider's contract allows): counted
 * per calendar minute; a message over the cap waits for the next minute. Thread-safe.
 */
public final class SendingPace {

    private final int perMinute;
    private Instant minute = Instant.EPOCH;
    private int taken;

    public SendingPace(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("A cap is at least one message a minute.");
        }
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Empty when this message may go now (and counts it); otherwise when the next minute starts. */
    public synchronized Optional<Instant> admit(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        if (!current.equals(minute)) {
            minute = current;
            taken = 0;
        }
        if (taken >= perMinute) {
            return Optional.of(minute.plus(Duration.ofMinutes(1)));
        }
        taken++;
        return Optional.empty();
    }
}
