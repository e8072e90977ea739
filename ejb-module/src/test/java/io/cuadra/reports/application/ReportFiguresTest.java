package io.cuadra.reports.application;

import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportSchedule;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Margin, rotation and the scheduled reports' periods, claims aside (those need the database: ReportsIT). */
class ReportFiguresTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 9);

    @Test
    void marginPercentAndRotationAreRoundedAndUndefinedWithoutABase() {
        assertThat(ReportService.percentOf(new BigDecimal("33.33"), new BigDecimal("100.00"))).isEqualByComparingTo("33.3");
        assertThat(ReportService.percentOf(new BigDecimal("-5.00"), new BigDecimal("40.00"))).isEqualByComparingTo("-12.5");
        assertThat(ReportService.percentOf(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        // 3,000 sold at cost over 30 days against 1,000 in stock: 3 turns, 10 days of stock
        assertThat(ReportService.turns(new BigDecimal("3000.00"), new BigDecimal("1000.00"))).isEqualByComparingTo("3.00");
        assertThat(ReportService.daysOfStock(new BigDecimal("3000.00"), new BigDecimal("1000.00"), 30))
                .isEqualByComparingTo("10.0");
        assertThat(ReportService.turns(BigDecimal.TEN, BigDecimal.ZERO)).isNull();
        assertThat(ReportService.daysOfStock(BigDecimal.ZERO, BigDecimal.TEN, 30)).isNull();
    }

    @Test
    void eachFrequencySendsTheLastCompletePeriod() {
        assertThat(schedule("DAILY").period(WEDNESDAY)).containsExactly(WEDNESDAY.minusDays(1), WEDNESDAY.minusDays(1));
        assertThat(schedule("WEEKLY").period(WEDNESDAY))
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
        assertThat(schedule("WEEKLY").period(LocalDate.of(2026, 12, 7)))
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
        assertThat(schedule("MONTHLY").period(LocalDate.of(2026, 3, 1)))
                .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        assertThat(schedule("DAILY").due(LocalTime.of(6, 59))).isFalse();
        assertThat(schedule("DAILY").due(LocalTime.of(7, 0))).isTrue();
    }

    @Test
    void aScheduleRefusesWhatCannotBeSent() {
        assertThatThrownBy(() -> new ReportSchedule(0, "x", "sales", "", "DOCX", "DAILY", LocalTime.NOON, "America/Lima",
                List.of("a@b.pe"), "es", true)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new ReportSchedule(0, "x", "sales", "", "PDF", "HOURLY", LocalTime.NOON, "America/Lima",
                List.of("a@b.pe"), "es", true)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new ReportSchedule(0, "x", "sales", "", "PDF", "DAILY", LocalTime.NOON, "America/Lima",
                List.of("not-an-address"), "es", true)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new ReportSchedule(0, " ", "sales", "", "PDF", "DAILY", LocalTime.NOON, "America/Lima",
                List.of("a@b.pe"), "es", true)).isInstanceOf(RuleViolation.class);
        assertThat(new ReportSchedule(0, "x", "sales", "", "PDF", "DAILY", LocalTime.NOON, "America/Lima",
                List.of(" a@b.pe", "a@b.pe", "c@d.pe "), "es", true).recipients()).containsExactly("a@b.pe", "c@d.pe");
    }

    @Test
    void savedFiltersRoundTripAndBecomeTheReportsFilter() {
        Map<String, String> saved = Map.of("location", "42", "group", "week", "channel", "web");
        Map<String, String> back = ScheduledReports.decode(ScheduledReports.encode(new java.util.TreeMap<>(saved)));
        assertThat(back).isEqualTo(saved);
        ReportFilter f = ScheduledReports.filter(back, WEDNESDAY, WEDNESDAY);
        assertThat(f.locationId()).isEqualTo(42L);
        assertThat(f.group()).isEqualTo("week");
        assertThat(f.channel()).isEqualTo("WEB");
        assertThat(f.days()).isEqualTo(ReportFilter.DEFAULT_DAYS);
        assertThatThrownBy(() -> ScheduledReports.filter(Map.of("location", "LIM01"), WEDNESDAY, WEDNESDAY))
                .isInstanceOf(RuleViolation.class);
    }

    private static ReportSchedule schedule(String frequency) {
        return new ReportSchedule(1, "Ventas", "sales", "", "XLSX", frequency, LocalTime.of(7, 0), "America/Lima",
                List.of("gerencia@example.pe"), "es", true);
    }
}
