package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursAndPaceTest {

    private static final ZoneId LIMA = ZoneId.of("America/Lima"); // UTC-5, no daylight saving

    @Test
    void overnightQuietHoursHoldUntilTheMorningInTheLocationsTime() {
        QuietHours q = QuietHours.parse("21:00-08:00").orElseThrow();
        // 22:30 in Lima = 03:30 UTC the next day: held until 08:00 Lima = 13:00 UTC
        assertThat(q.heldUntil(Instant.parse("2026-12-08T03:30:00Z"), LIMA))
                .contains(Instant.parse("2026-12-08T13:00:00Z"));
        // 06:00 in Lima: held until 08:00 the same morning
        assertThat(q.heldUntil(Instant.parse("2026-12-08T11:00:00Z"), LIMA))
                .contains(Instant.parse("2026-12-08T13:00:00Z"));
        // 08:00 and 20:59 go
        assertThat(q.heldUntil(Instant.parse("2026-12-08T13:00:00Z"), LIMA)).isEmpty();
        assertThat(q.heldUntil(Instant.parse("2026-12-09T01:59:00Z"), LIMA)).isEmpty();
        // the same instant is quiet in Paris (10:30 at night there), not in Lima (4:30 pm)
        assertThat(q.heldUntil(Instant.parse("2026-12-08T21:30:00Z"), ZoneId.of("Europe/Paris"))).isPresent();
        assertThat(q.heldUntil(Instant.parse("2026-12-08T21:30:00Z"), LIMA)).isEmpty();
    }

    @Test
    void quietHoursWithinADay() {
        QuietHours q = QuietHours.parse("13:00-15:00").orElseThrow();
        assertThat(q.heldUntil(Instant.parse("2026-12-08T19:00:00Z"), LIMA))
                .contains(Instant.parse("2026-12-08T20:00:00Z"));
        assertThat(q.heldUntil(Instant.parse("2026-12-08T20:00:00Z"), LIMA)).isEmpty();
        assertThat(q.heldUntil(Instant.parse("2026-12-08T17:59:00Z"), LIMA)).isEmpty();
    }

    @Test
    void quietHoursAreWrittenHhMmDashHhMm() {
        assertThat(QuietHours.parse(" ")).isEmpty();
        assertThat(QuietHours.parse(null)).isEmpty();
        assertThatThrownBy(() -> QuietHours.parse("21h-8h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuietHours.parse("08:00-08:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCapAMinuteLetsThatManyThroughThenWaitsForTheNextMinute() {
        SendingPace pace = new SendingPace(2);
        Instant t = Instant.parse("2026-12-08T10:15:20Z");
        assertThat(pace.admit(t)).isEmpty();
        assertThat(pace.admit(t.plusSeconds(1))).isEmpty();
        assertThat(pace.admit(t.plusSeconds(2))).contains(Instant.parse("2026-12-08T10:16:00Z"));
        assertThat(pace.admit(Instant.parse("2026-12-08T10:16:00Z"))).isEmpty();
        assertThatThrownBy(() -> new SendingPace(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
