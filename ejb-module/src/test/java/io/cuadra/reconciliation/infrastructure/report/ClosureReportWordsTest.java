package io.cuadra.reconciliation.infrastructure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.reconciliation.domain.closure.ClosureReport;
import io.cuadra.reconciliation.domain.closure.ClosureStatus;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The closure report speaks its reader's language: a French tenant's is in French, nothing Spanish left in it. */
class ClosureReportWordsTest {

    private static ClosureReport day() {
        BigDecimal e = new BigDecimal("120.00");
        return new ClosureReport("Clinique Dermatologique", "SIRET 73282932000074", "PAR01", "Paris Centre",
                LocalDate.of(2026, 12, 7), "Europe/Paris", "EUR", ClosureStatus.CLOSED, Instant.parse("2026-12-07T18:00:00Z"),
                2, 0, 2, 0, e, BigDecimal.ZERO, e, e, new BigDecimal("70.00"), new BigDecimal("70.00"), BigDecimal.ZERO,
                "Admin", Instant.parse("2026-12-07T18:10:00Z"),
                List.of(new ClosureReport.Method("CASH", "ESPECES", new BigDecimal("70.00"), 1)),
                List.of(new ClosureReport.CountLine("NOTE", new BigDecimal("50.00"), 1, new BigDecimal("50.00"))),
                List.of(new ClosureReport.Finding("MISSING_INVOICE", "OPEN", "PAR01-2026-000003", "", e,
                        BigDecimal.ZERO, e, "sans pièce", null)),
                List.of(new ClosureReport.Transition("OPEN", "CLOSED", "Admin", Instant.parse("2026-12-07T18:11:00Z"),
                        null)), null);
    }

    @Test
    void aFrenchReaderGetsEveryLineInFrench() {
        ClosureReportWords fr = ClosureReportWords.in("fr");
        assertThat(ClosureReportText.title(day(), fr)).isEqualTo("Clôture journalière PAR01 · 2026-12-07");
        assertThat(ClosureReportText.statusLine(day(), fr)).startsWith("État : clôturée · calculée ");
        assertThat(ClosureReportText.figures(day(), fr)).extracting(row -> row[0]).contains("Commandes",
                "Espèces attendues (EUR)");
        assertThat(ClosureReportText.cashLine(day(), fr)).startsWith("Compté 70,00 pour 70,00 attendus : juste EUR");
        assertThat(ClosureReportText.transition(day().history().get(0), fr)).startsWith("ouverte → clôturée");
    }

    @Test
    void theWorkbookHasNoSpanishForAFrenchReaderAndStaysSpanishByDefault() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ClosureReportXlsx.render(day(), "fr")))) {
            assertThat(book.getSheetName(0)).isEqualTo("Clôture");
            assertThat(book.getSheetName(2)).isEqualTo("Écarts");
            assertThat(book.getSheetAt(2).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Commande payée sans pièce");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ClosureReportXlsx.render(day(), null)))) {
            assertThat(book.getSheetName(0)).isEqualTo("Cierre");
        }
        assertThat(ClosureReportWords.in("en").get("cashCount")).isEqualTo("Cash count");
        assertThat(ClosureReportWords.in("de").get("cashCount")).isEqualTo("Arqueo de caja");
        assertThat(new String(ClosureReportPdf.render(day(), "fr"), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
