package io.cuadra.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code perHour} non-urgent messages to one recipient on one channel in any hour (0: no limit). A message
 * over the limit is delayed, never dropped: it may go once the oldest of the hour leaves the window.
 */
public record RecipientLimit(int perHour) {

    public static final Duration WINDOW = Duration.ofHours(1);

    public RecipientLimit {
        if (perHour < 0) {
            throw new IllegalArgumentException("The limit per recipient cannot be negative.");
        }
    }

    /**
     * When the next message may go, given how many went in the last hour and when the oldest of them went; empty
     * when it may go now.
     */
    public Optional<Instant> nextSlot(long sentInWindow, Instant oldestInWindow) {
        if (perHour == 0 || sentInWindow < perHour) {
            return Optional.empty();
        }
        return Optional.of(oldestInWindow.plus(WINDOW));
    }
}
