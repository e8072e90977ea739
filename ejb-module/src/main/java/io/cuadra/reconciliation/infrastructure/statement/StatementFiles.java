package io.cuadra.reconciliation.infrastructure.statement;

import io.cuadra.reconciliation.domain.BankProfile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a statement file into rows of cell texts for {@link io.cuadra.reconciliation.domain.StatementImport}.
 * CSV follows RFC 4180 with the bank's separator. In XLSX, date cells are written in the profile's
 * date pattern and number cells in its decimal separator without grouping, so one profile reads a
 * bank's CSV and XLSX exports alike.
 */
public final class StatementFiles {

    private StatementFiles() {
    }

    public static List<List<String>> rows(boolean xlsx, byte[] content, BankProfile profile, char separator) {
        return xlsx ? xlsxRows(content, profile) : csvRows(text(content), separator);
    }

    static String text(byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** RFC 4180: quoted fields may hold the separator, line breaks and doubled quotes. */
    public static List<List<String>> csvRows(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || !cell.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> xlsxRows(byte[] content, BankProfile profile) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), profile));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The file is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private static String text(Cell cell, BankProfile profile) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
                    yield profile.dateFormatter().format(date);
                }
                // Through the shortest decimal text of the double, so 12.3 is "12.3", not 12.2999999...
                String plain = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
                        .toPlainString();
                yield plain.replace('.', profile.amountFormat().decimalSeparator());
            }
            default -> "";
        };
    }
}
