package io.cuadra.reports.infrastructure;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.cuadra.reports.domain.ReportResult;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report written as CSV (UTF-8 with BOM, RFC 4180), XLSX (POI, numbers as numbers, money with two decimals)
 * or PDF (OpenPDF, A4 landscape). The first column is the row's label, then one column per figure, then the
 * totals row. Headers come translated from the caller; the figures are the report's own.
 */
public final class ReportFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv; charset=UTF-8";

    private static final Font TITLE = new Font(Font.HELVETICA, 14, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8);
    private static final Font BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Color SHADE = new Color(230, 234, 240);

    private ReportFiles() {
    }

    public static String contentType(String format) {
        return switch (format) {
            case "xlsx" -> XLSX;
            case "pdf" -> PDF;
            default -> CSV;
        };
    }

    /** @param headers the label column's header followed by one per figure column */
    /** @param moneyDigits the tenant currency's minor unit (CLP 0, PEN/EUR/MXN 2): money is written with exactly those */
    public static byte[] write(String format, String title, List<String> headers, ReportResult r, String totalLabel,
                               int moneyDigits) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> xlsx(title, headers, r, totalLabel, moneyDigits);
            case "pdf" -> pdf(title, headers, r, totalLabel, moneyDigits);
            default -> csv(headers, r, totalLabel, moneyDigits);
        };
    }

    private static List<List<Object>> lines(ReportResult r, String totalLabel, int moneyDigits) {
        List<List<Object>> lines = new ArrayList<>();
        for (ReportResult.Row row : r.rows()) {
            List<Object> l = new ArrayList<>();
            l.add(row.label());
            l.addAll(inCurrency(r, row.values(), moneyDigits));
            lines.add(l);
        }
        List<Object> total = new ArrayList<>();
        total.add(totalLabel);
        total.addAll(inCurrency(r, r.totals(), moneyDigits));
        lines.add(total);
        return lines;
    }

    private static List<Object> inCurrency(ReportResult r, List<Object> values, int moneyDigits) {
        List<Object> out = new ArrayList<>(values);
        for (int i = 0; i < out.size() && i < r.columns().size(); i++) {
            if (isMoney(r, i + 1) && out.get(i) instanceof BigDecimal bd) {
                out.set(i, bd.setScale(moneyDigits, java.math.RoundingMode.HALF_UP));
            }
        }
        return out;
    }

    /** Whether the line's position (0 = the row's label) holds a money column. */
    private static boolean isMoney(ReportResult r, int position) {
        return position > 0 && position <= r.columns().size() && r.columns().get(position - 1).kind().equals("MONEY");
    }

    static byte[] csv(List<String> headers, ReportResult r, String totalLabel, int moneyDigits) {
        StringBuilder out = new StringBuilder("\uFEFF");
        csvLine(out, new ArrayList<>(headers));
        lines(r, totalLabel, moneyDigits).forEach(l -> csvLine(out, l));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void csvLine(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof BigDecimal bd ? bd.toPlainString() : v.toString();
            // A label that looks like a formula is shown, not run, by a spreadsheet.
            if (!(v instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
            out.append(i == 0 ? "" : ",").append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        out.append("\r\n");
    }

    static byte[] xlsx(String title, List<String> headers, ReportResult r, String totalLabel, int moneyDigits) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat(moneyDigits == 0 ? "#,##0"
                    : "#,##0." + "0".repeat(moneyDigits)));
            SXSSFSheet sheet = book.createSheet(r.report());
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row head = sheet.createRow(2);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(bold);
            }
            int n = 3;
            for (List<Object> line : lines(r, totalLabel, moneyDigits)) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < line.size(); i++) {
                    Object v = line.get(i);
                    if (v instanceof BigDecimal bd) {
                        Cell c = row.createCell(i);
                        c.setCellValue(bd.doubleValue());
                        if (isMoney(r, i)) {
                            c.setCellStyle(money);
                        }
                    } else if (v instanceof Number num) {
                        row.createCell(i).setCellValue(num.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String title, List<String> headers, ReportResult r, String totalLabel, int moneyDigits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(title);
        doc.addCreator("Cuadra");
        doc.open();
        doc.add(new Paragraph(title, TITLE));
        doc.add(new Paragraph(" ", BODY));
        float[] widths = new float[headers.size()];
        widths[0] = 3;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.4f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, BOLD));
            c.setBackgroundColor(SHADE);
            table.addCell(c);
        }
        List<List<Object>> lines = lines(r, totalLabel, moneyDigits);
        for (int k = 0; k < lines.size(); k++) {
            Font font = k == lines.size() - 1 ? BOLD : BODY;
            for (Object v : lines.get(k)) {
                String s = v == null ? "" : v instanceof BigDecimal bd ? String.format(Locale.ROOT, "%,." + bd.scale()
                        + "f", bd) : v.toString();
                PdfPCell c = new PdfPCell(new Phrase(s, font));
                c.setHorizontalAlignment(v instanceof Number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                table.addCell(c);
            }
        }
        doc.add(table);
        doc.close();
        return out.toByteArray();
    }
}
