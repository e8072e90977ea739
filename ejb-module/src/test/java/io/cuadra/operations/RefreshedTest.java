package io.cuadra.operations;

import io.cuadra.operations.application.Refreshed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshedTest {

    record Reading(int n, Instant at) {
    }

    @Test
    void aFreshValueIsNotReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        Refreshed<Reading> value = new Refreshed<>(Duration.ofHours(1),
                () -> new Reading(reads.incrementAndGet(), Instant.now()), Reading::at);
        assertThat(value.get().n()).isEqualTo(1);
        assertThat(value.get().n()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aValueOlderThanTheIntervalIsReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        // each reading is already two hours old: every call finds it stale
        Refreshed<Reading> value = new Refreshed<>(Duration.ofHours(1),
                () -> new Reading(reads.incrementAndGet(), Instant.now().minus(Duration.ofHours(2))), Reading::at);
        assertThat(value.get().n()).isEqualTo(1);
        assertThat(value.get().n()).isEqualTo(2);
    }
}
