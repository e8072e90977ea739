package io.cuadra.shared.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxBackoffTest {

    private final OutboxBackoff backoff = new OutboxBackoff(Duration.ofSeconds(5), Duration.ofMinutes(10), 30);

    @Test
    void doublesAfterEachFailureFromTheBase() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void neverWaitsLongerThanTheCapEvenAfterManyFailures() {
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givesUpAtTheMaximumNumberOfAttempts() {
        assertThat(backoff.exhausted(29)).isFalse();
        assertThat(backoff.exhausted(30)).isTrue();
    }

    @Test
    void nextAttemptIsTheFailureTimePlusTheDelay() {
        Instant failed = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(backoff.nextAttempt(failed, 2)).isEqualTo(Instant.parse("2026-11-21T10:00:10Z"));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new OutboxBackoff(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
