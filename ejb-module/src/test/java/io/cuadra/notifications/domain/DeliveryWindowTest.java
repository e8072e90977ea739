package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours and the per-recipient limit: when a non-urgent message waits, and until when. */
class DeliveryWindowTest {

    private static final ZoneId LIMA = ZoneId.of("America/Lima"); // UTC-5, no daylight saving

    @Test
    void quietHoursWrappingMidnightHoldUntilTheMorningOfTheRightDay() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        // 23:30 in Lima on Dec 7 → waits until 07:00 on Dec 8 (12:00 UTC)
        assertThat(night.endAfter(Instant.parse("2026-12-08T04:30:00Z"), LIMA))
                .contains(Instant.parse("2026-12-08T12:00:00Z"));
        // 03:00 in Lima on Dec 8 → the same morning
        assertThat(night.endAfter(Instant.parse("2026-12-08T08:00:00Z"), LIMA))
                .contains(Instant.parse("2026-12-08T12:00:00Z"));
        // 07:00 sharp is no longer quiet; 21:59 not yet
        assertThat(night.endAfter(Instant.parse("2026-12-08T12:00:00Z"), LIMA)).isEmpty();
        assertThat(night.endAfter(Instant.parse("2026-12-08T02:59:00Z"), LIMA)).isEmpty();
        assertThat(night.endAfter(Instant.parse("2026-12-08T03:00:00Z"), LIMA)).isPresent();
    }

    @Test
    void quietHoursWithinOneDayHoldUntilTheirEndAndAnEmptySpanIsRefused() {
        QuietHours siesta = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(siesta.endAfter(Instant.parse("2026-12-08T19:00:00Z"), LIMA)) // 14:00 local
                .contains(Instant.parse("2026-12-08T20:00:00Z"));
        assertThat(siesta.endAfter(Instant.parse("2026-12-08T17:59:59Z"), LIMA)).isEmpty(); // 12:59:59 local
        assertThat(siesta.endAfter(Instant.parse("2026-12-08T20:00:00Z"), LIMA)).isEmpty(); // 15:00 local
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overTheLimitAMessageWaitsUntilTheOldestOfTheHourLeavesTheWindow() {
        RecipientLimit three = new RecipientLimit(3);
        Instant oldest = Instant.parse("2026-12-08T10:15:00Z");
        assertThat(three.nextSlot(2, oldest)).isEmpty();
        assertThat(three.nextSlot(3, oldest)).contains(Instant.parse("2026-12-08T11:15:00Z"));
        assertThat(new RecipientLimit(0).nextSlot(1_000, oldest)).as("0 is no limit").isEmpty();
        assertThatThrownBy(() -> new RecipientLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyPasswordResetsAndDiscrepanciesAreUrgentAndOnlyTheResetCarriesASecret() {
        assertThat(java.util.Arrays.stream(NotificationEvent.values()).filter(NotificationEvent::urgent))
                .containsExactlyInAnyOrder(NotificationEvent.PASSWORD_RESET, NotificationEvent.DISCREPANCY_ALERT);
        assertThat(java.util.Arrays.stream(NotificationEvent.values()).filter(NotificationEvent::secret))
                .containsExactly(NotificationEvent.PASSWORD_RESET);
    }
}
