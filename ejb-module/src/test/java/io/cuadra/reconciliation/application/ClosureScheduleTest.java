package io.cuadra.reconciliation.application;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each location closes at 23:59 of its own zone; a firing closes exactly the days whose moment has come. */
class ClosureScheduleTest {

    private static final LocalTime CLOSE = LocalTime.of(23, 59);
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theNextRunIsTheNext2359InTheLocationsZone() {
        // 20:00 in Lima (UTC-5) → 23:59 the same day = 04:59Z next day.
        assertThat(ClosureSchedule.nextRun(CLOSE, LIMA, Instant.parse("2026-11-21T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-21T04:59:00Z"));
        // Exactly at 23:59 it has happened: the next one is tomorrow's.
        assertThat(ClosureSchedule.nextRun(CLOSE, LIMA, Instant.parse("2026-11-21T04:59:00Z")))
                .isEqualTo(Instant.parse("2026-11-22T04:59:00Z"));
        // Paris in winter is UTC+1, in summer UTC+2.
        assertThat(ClosureSchedule.nextRun(CLOSE, PARIS, Instant.parse("2026-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-10T22:59:00Z"));
        assertThat(ClosureSchedule.nextRun(CLOSE, PARIS, Instant.parse("2026-07-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-10T21:59:00Z"));
        assertThat(ClosureSchedule.nextRun(LocalTime.of(21, 30), LIMA, Instant.parse("2026-11-21T01:00:00Z")))
                .as("the time is configurable").isEqualTo(Instant.parse("2026-11-21T02:30:00Z"));
    }

    @Test
    void aFiringClosesTheLocalDayOfEveryLocationWhoseMomentHasCome() {
        List<ClosureSchedule.Site> sites = List.of(new ClosureSchedule.Site(1, 10, LIMA),
                new ClosureSchedule.Site(1, 11, LIMA), new ClosureSchedule.Site(2, 20, PARIS));
        // Between 22:00Z and 23:30Z on 2026-11-20: Paris (23:59 local = 22:59Z) is due, Lima is not.
        Map<Long, Map<LocalDate, List<Long>>> due = ClosureSchedule.due(sites, CLOSE,
                Instant.parse("2026-11-20T22:00:00Z"), Instant.parse("2026-11-20T23:30:00Z"));
        assertThat(due).containsOnlyKeys(2L);
        assertThat(due.get(2L)).containsExactly(Map.entry(LocalDate.of(2026, 11, 20), List.of(20L)));
        // Until 05:00Z the next day: both Lima locations' 2026-11-20, in one job for their tenant.
        due = ClosureSchedule.due(sites, CLOSE, Instant.parse("2026-11-20T23:30:00Z"),
                Instant.parse("2026-11-21T05:00:00Z"));
        assertThat(due).containsOnlyKeys(1L);
        assertThat(due.get(1L)).containsExactly(Map.entry(LocalDate.of(2026, 11, 20), List.of(10L, 11L)));
        assertThat(ClosureSchedule.due(sites, CLOSE, Instant.parse("2026-11-21T05:00:00Z"),
                Instant.parse("2026-11-21T05:01:00Z"))).isEmpty();
    }
}
