package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderBreakerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void failuresInARowBelowTheThresholdKeepItClosedAndASuccessForgetsThem() {
        ProviderBreaker b = new ProviderBreaker(3, Duration.ofSeconds(30));
        for (int i = 0; i < 2; i++) {
            assertThat(b.refusal(T0)).isEmpty();
            b.failed(T0);
        }
        b.succeeded();
        assertThat(b.snapshot().failuresInARow()).isZero();
        for (int i = 0; i < 2; i++) {
            assertThat(b.refusal(T0)).isEmpty();
            b.failed(T0);
        }
        assertThat(b.snapshot().state()).isEqualTo(ProviderBreaker.State.CLOSED);
    }

    @Test
    void theThresholdPausesTheProviderThenOneTrialDecides() {
        ProviderBreaker b = new ProviderBreaker(3, Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            b.refusal(T0);
            b.failed(T0);
        }
        assertThat(b.snapshot().state()).isEqualTo(ProviderBreaker.State.OPEN);
        assertThat(b.refusal(T0.plusSeconds(29))).contains(T0.plusSeconds(30));
        // the pause is over: one trial goes, the others wait for its answer
        Instant later = T0.plusSeconds(30);
        assertThat(b.refusal(later)).isEmpty();
        assertThat(b.snapshot().state()).isEqualTo(ProviderBreaker.State.HALF_OPEN);
        assertThat(b.refusal(later)).isPresent();
        b.failed(later);
        assertThat(b.snapshot().state()).as("a failed trial pauses again").isEqualTo(ProviderBreaker.State.OPEN);
        assertThat(b.snapshot().pausedUntil()).isEqualTo(later.plusSeconds(30));

        Instant evenLater = later.plusSeconds(30);
        assertThat(b.refusal(evenLater)).isEmpty();
        b.succeeded();
        assertThat(b.snapshot().state()).isEqualTo(ProviderBreaker.State.CLOSED);
        assertThat(b.refusal(evenLater)).isEmpty();
        assertThat(b.refusal(evenLater)).isEmpty();
        assertThat(b.snapshot().refusedWhilePaused()).isEqualTo(2);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new ProviderBreaker(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProviderBreaker(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
