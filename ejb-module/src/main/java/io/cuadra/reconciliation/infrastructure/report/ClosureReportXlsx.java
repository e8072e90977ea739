package io.cuadra.reconciliation.infrastructure.report;

import io.cuadra.reconciliation.domain.closure.ClosureReport;
import io.cuadra.shared.domain.Money;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Currency;

/** The closure report as an XLSX workbook (POI): a summary sheet, the drawer count and the discrepancies. */
public final class ClosureReportXlsx {

    private ClosureReportXlsx() {
    }

    public static byte[] render(ClosureReport r, String language) {
        ClosureReportWords w = ClosureReportWords.in(language);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            // The currency's minor unit: whole pesos show no ",00".
            int digits = Money.digits(Currency.getInstance(r.currency()));
            money.setDataFormat(book.createDataFormat().getFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));

            Sheet summary = book.createSheet(w.get("sheet.closure"));
            Rows rows = new Rows(summary, bold, money);
            rows.row().text(ClosureReportText.title(r, w)).bold();
            rows.row().text(r.companyName() + " · " + r.companyTaxId() + " · " + r.locationName());
            rows.row().text(ClosureReportText.statusLine(r, w));
            rows.row();
            for (String[] f : ClosureReportText.figures(r, w)) {
                rows.row().text(f[0]).text(f[1]);
            }
            rows.row();
            rows.row().header(w.get("kind"), w.get("method"), w.get("payments"), w.get("expected"));
            for (ClosureReport.Method m : r.methods()) {
                rows.row().text(w.word("pay", m.kind())).text(m.code()).number(m.payments()).money(m.expected());
            }
            rows.row();
            if (r.countedCash() != null) {
                rows.row().text(ClosureReportText.cashLine(r, w)).bold();
            }
            summary.setColumnWidth(0, 40 * 256);
            summary.setColumnWidth(1, 16 * 256);

            Sheet count = book.createSheet(w.get("sheet.count"));
            Rows c = new Rows(count, bold, money);
            c.row().header(w.get("denomination"), w.get("form"), w.get("pieces"), w.get("subtotal"));
            for (ClosureReport.CountLine l : r.count()) {
                c.row().money(l.faceValue()).text(w.get("NOTE".equals(l.form()) ? "NOTE" : "COIN")).number(l.pieces()).money(l.subtotal());
            }
            c.row().text(w.get("counted")).money(r.countedCash());
            c.row().text(w.get("expected")).money(r.expectedCash());
            c.row().text(w.get("difference")).money(r.cashDifference());

            Sheet findings = book.createSheet(w.get("sheet.discrepancies"));
            Rows d = new Rows(findings, bold, money);
            d.row().header(w.get("kind"), w.get("state"), w.get("order"), w.get("documentNumbers"), w.get("expected"),
                    w.get("actual"), w.get("difference"), w.get("detail"), w.get("resolution"));
            for (ClosureReport.Finding f : r.discrepancies()) {
                d.row().text(w.word("type", f.type())).text(w.word("finding", f.status())).text(f.orderNumber()).text(f.documents()).money(f.expected())
                        .money(f.actual()).money(f.difference()).text(f.description()).text(f.resolution());
            }
            findings.setColumnWidth(7, 80 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a workbook to memory failed", e);
        }
    }

    /** Appends rows, and cells left to right within the current row. */
    private static final class Rows {
        private final Sheet sheet;
        private final CellStyle bold;
        private final CellStyle money;
        private Row row;
        private int column;

        Rows(Sheet sheet, CellStyle bold, CellStyle money) {
            this.sheet = sheet;
            this.bold = bold;
            this.money = money;
        }

        Rows row() {
            row = sheet.createRow(row == null ? 0 : row.getRowNum() + 1);
            column = 0;
            return this;
        }

        Rows text(String value) {
            Cell cell = row.createCell(column++);
            if (value != null) {
                cell.setCellValue(value);
            }
            return this;
        }

        Rows number(long value) {
            row.createCell(column++).setCellValue(value);
            return this;
        }

        Rows money(BigDecimal value) {
            Cell cell = row.createCell(column++);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(money);
            }
            return this;
        }

        Rows header(String... titles) {
            for (String t : titles) {
                text(t).bold(column - 1);
            }
            return this;
        }

        Rows bold() {
            return bold(0);
        }

        private Rows bold(int cell) {
            row.getCell(cell).setCellStyle(bold);
            return this;
        }
    }
}
