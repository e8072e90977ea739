package io.cuadra.reports;

import io.cuadra.reports.domain.Pseudonym;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportResult;
import io.cuadra.reports.infrastructure.ReportFiles;
import io.cuadra.shared.domain.RuleViolation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter's refusals, the pseudonyms of the anonymised export, and the files a report is written to. */
class ReportRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void aFilterRefusesWhatNoReportCanAnswer() {
        assertThatThrownBy(() -> new ReportFilter(DAY, DAY.minusDays(1), null, null, null, null, false, 20))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("to:");
        assertThatThrownBy(() -> new ReportFilter(DAY.minusYears(4), DAY, null, null, null, null, false, 20))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> new ReportFilter(DAY, DAY, null, "FAX", null, null, false, 20))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("channel:");
        assertThatThrownBy(() -> new ReportFilter(DAY, DAY, null, null, null, null, false, 0))
                .isInstanceOf(RuleViolation.class).hasMessageStartingWith("limit:");
        ReportFilter f = new ReportFilter(DAY, DAY, null, "whatsapp", "Week", null, false, 20);
        assertThat(f.channel()).isEqualTo("WHATSAPP");
        assertThat(f.groupOr("day", java.util.Set.of("day", "week"))).isEqualTo("week");
        assertThatThrownBy(() -> f.groupOr("day", java.util.Set.of("day"))).isInstanceOf(RuleViolation.class);
    }

    @Property(tries = 200)
    void aPseudonymIsStablePerTenantKeyAndTellsNothing(@ForAll @LongRange(min = 1) long customerId) {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String p = Pseudonym.of(key, customerId);
        assertThat(p).matches("C-[0-9a-f]{32}").isEqualTo(Pseudonym.of(key, customerId))
                .isNotEqualTo(Pseudonym.of(other, customerId)).isNotEqualTo(Pseudonym.of(key, customerId + 1))
                .doesNotContain(Long.toString(customerId).length() > 4 ? Long.toString(customerId) : "-:-");
    }

    private static ReportResult result() {
        List<ReportResult.Column> cols = List.of(new ReportResult.Column("orders", "COUNT"),
                new ReportResult.Column("gross", "MONEY"));
        List<ReportResult.Row> rows = List.of(new ReportResult.Row("1", "=cmd|'/C calc'!A0", List.of(2L,
                new BigDecimal("10.50"))), new ReportResult.Row("2", "Sede, \"Lima\"", List.of(1L, new BigDecimal("4.25"))));
        return new ReportResult("sales", "location", DAY, DAY, cols, rows, List.of(3L, new BigDecimal("14.75")));
    }

    @Test
    void csvQuotesAndNeverRunsALabelAsAFormula() {
        String csv = new String(ReportFiles.write("csv", "t", List.of("Sede", "Órdenes", "Bruto"), result(), "Total", 2),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSede,Órdenes,Bruto\r\n")
                .contains("'=cmd|'/C calc'!A0,2,10.50\r\n")
                .contains("\"Sede, \"\"Lima\"\"\",1,4.25\r\n")
                .endsWith("Total,3,14.75\r\n");
    }

    @Test
    void moneyIsWrittenWithTheCurrencysDigitsAndCountsAreLeftAlone() throws Exception {
        List<ReportResult.Column> cols = List.of(new ReportResult.Column("orders", "COUNT"),
                new ReportResult.Column("gross", "MONEY"));
        ReportResult pesos = new ReportResult("sales", "location", DAY, DAY, cols, List.of(new ReportResult.Row("1",
                "Santiago", List.of(2L, new BigDecimal("11900.00")))), List.of(2L, new BigDecimal("11900.00")));
        String csv = new String(ReportFiles.write("csv", "t", List.of("Sede", "Órdenes", "Bruto"), pesos, "Total", 0),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Santiago,2,11900\r\n").endsWith("Total,2,11900\r\n").doesNotContain("11900.00");
        byte[] xlsx = ReportFiles.write("xlsx", "Ventas", List.of("Sede", "Órdenes", "Bruto"), pesos, "Total", 0);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var cell = book.getSheetAt(0).getRow(3).getCell(2);
            assertThat(cell.getNumericCellValue()).isEqualTo(11900d);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    @Test
    void xlsxKeepsNumbersAsNumbersAndTheTotalsRow() throws Exception {
        byte[] xlsx = ReportFiles.write("xlsx", "Ventas", List.of("Sede", "Órdenes", "Bruto"), result(), "Total", 2);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Ventas");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Bruto");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(10.50);
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(14.75);
        }
        byte[] pdf = ReportFiles.write("pdf", "Ventas", List.of("Sede", "Órdenes", "Bruto"), result(), "Total", 2);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aComparisonPairsDaysByPositionAndPlacesByKey() {
        assertThat(io.cuadra.reports.domain.ReportComparison.earlier(DAY.minusDays(6), DAY, "previous"))
                .containsExactly(DAY.minusDays(13), DAY.minusDays(7));
        assertThat(io.cuadra.reports.domain.ReportComparison.earlier(DAY.minusDays(6), DAY, "year"))
                .containsExactly(DAY.minusDays(6).minusYears(1), DAY.minusYears(1));
        ReportResult now = result();
        List<ReportResult.Row> earlierRows = List.of(new ReportResult.Row("2", "Sede, \"Lima\"", List.of(2L,
                new BigDecimal("8.50"))));
        ReportResult before = new ReportResult("sales", "location", DAY.minusDays(1), DAY.minusDays(1), now.columns(),
                earlierRows, List.of(2L, new BigDecimal("8.50")));
        ReportResult both = io.cuadra.reports.domain.ReportComparison.of(now, before);
        assertThat(both.columns()).extracting(ReportResult.Column::key).containsExactly("orders", "ordersBefore",
                "ordersChangePercent", "gross", "grossBefore", "grossChangePercent");
        // location 1 had nothing before: no percent; location 2 went from 8.50 to 4.25
        assertThat(both.rows().get(0).values()).containsExactly(2L, 0L, null, new BigDecimal("10.50"),
                new BigDecimal("0.00"), null);
        assertThat(both.rows().get(1).values()).containsExactly(1L, 2L, new BigDecimal("-50.0"),
                new BigDecimal("4.25"), new BigDecimal("8.50"), new BigDecimal("-50.0"));
        assertThat(both.totals().get(5)).isEqualTo(new BigDecimal("73.5"));
    }
}
