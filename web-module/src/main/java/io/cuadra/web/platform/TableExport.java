package io.cuadra.web.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A table downloaded as CSV (UTF-8 with BOM so Excel reads accents, RFC 4180 quoting) or XLSX
 * (streamed: only a window of rows stays in memory). Rows are fetched in batches after a key, each
 * batch in its own short transaction, so a million customers never sit in memory at once.
 */
public final class TableExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int BATCH = 1_000;
    /** =, @, or a sign not followed by a number (a phone "+51..." is data, "-cmd" could be a formula). */
    private static final java.util.regex.Pattern FORMULA = java.util.regex.Pattern.compile("[=@]|[+-](?![0-9 ]*$)");

    private TableExport() {
    }

    /** The two table formats: a parameter of this type is one of them or a 400 ({@link ApiParameters}). */
    public enum TableFormat { CSV, XLSX }

    /**
     * @param batches given the last key written (0 at first) and a size, the next rows; each row's first cell is
     *                its key (a Long), written like the others
     */
    public static Response download(TableFormat format, String baseName, List<String> header,
                                    BiFunction<Long, Integer, List<List<Object>>> batches) {
        TableFormat f = format == null ? TableFormat.CSV : format;
        String file = baseName + "-" + LocalDate.now(ZoneId.of("America/Lima")) + "." + f.name().toLowerCase(Locale.ROOT);
        StreamingOutput body = switch (f) {
            case CSV -> out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                w.write('\uFEFF');
                writeCsvLine(w, header.stream().map(h -> (Object) h).toList());
                forEachRow(batches, row -> writeCsvLine(w, row));
                w.flush();
            };
            case XLSX -> out -> {
                try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
                    SXSSFSheet sheet = book.createSheet(baseName);
                    CellStyle bold = book.createCellStyle();
                    Font font = book.createFont();
                    font.setBold(true);
                    bold.setFont(font);
                    Row head = sheet.createRow(0);
                    for (int i = 0; i < header.size(); i++) {
                        Cell cell = head.createCell(i);
                        cell.setCellValue(header.get(i));
                        cell.setCellStyle(bold);
                    }
                    int[] next = {1};
                    forEachRow(batches, values -> {
                        Row row = sheet.createRow(next[0]++);
                        for (int i = 0; i < values.size(); i++) {
                            Object v = values.get(i);
                            if (v instanceof Number n) {
                                row.createCell(i).setCellValue(n instanceof BigDecimal bd ? bd.doubleValue()
                                        : n.doubleValue());
                            } else if (v instanceof Boolean b) {
                                row.createCell(i).setCellValue(b);
                            } else if (v != null) {
                                row.createCell(i).setCellValue(v.toString());
                            }
                        }
                    });
                    book.write(out);
                    book.dispose();
                }
            };
        };
        return FileResponses.attachment(body, f == TableFormat.CSV ? "text/csv; charset=UTF-8" : XLSX, file).build();
    }

    private interface RowWriter {
        void write(List<Object> row) throws java.io.IOException;
    }

    private static void forEachRow(BiFunction<Long, Integer, List<List<Object>>> batches, RowWriter writer)
            throws java.io.IOException {
        long after = 0;
        while (true) {
            List<List<Object>> rows = batches.apply(after, BATCH);
            for (List<Object> row : rows) {
                writer.write(row);
            }
            if (rows.size() < BATCH) {
                return;
            }
            after = (Long) rows.get(rows.size() - 1).get(0);
        }
    }

    private static void writeCsvLine(Writer w, List<Object> values) throws java.io.IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object v = values.get(i);
            String s = v == null ? "" : v instanceof BigDecimal bd ? bd.toPlainString() : v.toString();
            // Cells starting like a formula are prefixed so a spreadsheet shows them instead of running them.
            if (!(v instanceof Number) && FORMULA.matcher(s).lookingAt()) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            w.write(s);
        }
        w.write("\r\n");
    }
}
