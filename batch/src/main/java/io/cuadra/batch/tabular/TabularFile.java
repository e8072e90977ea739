package io.cuadra.batch.tabular;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A spreadsheet read one row at a time, the header first. Rows keep the number the spreadsheet
 * shows, so a report can say "row 12". Wholly blank rows are passed over. A job restarted after a
 * failure {@linkplain #skipPast(int) skips} what it had already done.
 */
public interface TabularFile extends AutoCloseable {

    /** Opens the content and reads its header row. */
    static TabularFile open(byte[] content, TabularFormat format) throws IOException {
        return open(content, format, CellText.DEFAULT);
    }

    /** Opens the content, cutting and writing cells as {@code text} says, and reads its header row. */
    static TabularFile open(byte[] content, TabularFormat format, CellText text) throws IOException {
        return switch (format) {
            case CSV -> new CsvFile(content, text.separator());
            case XLSX -> new XlsxFile(content, text);
        };
    }

    /**
     * Every row from the header to the last non-blank one, each at index {@code number - 1}: rows the
     * file leaves blank are empty lists, so a reader that counts rows from the top (a bank profile's
     * header rows, "row 12 is empty") sees the file as a person does.
     */
    static List<List<String>> allRows(byte[] content, TabularFormat format, CellText text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (TabularFile file = open(content, format, text)) {
            int headerRow = file.lastRow();
            while (rows.size() < headerRow - 1) {
                rows.add(List.of());
            }
            rows.add(file.header());
            for (TabularRow row = file.next(); row != null; row = file.next()) {
                while (rows.size() < row.number() - 1) {
                    rows.add(List.of());
                }
                rows.add(row.cells());
            }
        }
        return rows;
    }

    /** The cells of the first row. */
    List<String> header();

    /** The next row that is not blank, or null after the last one. */
    TabularRow next() throws IOException;

    /** Moves on so that {@link #next()} answers the first row after {@code rowNumber}. */
    default void skipPast(int rowNumber) throws IOException {
        while (lastRow() < rowNumber && next() != null) {
            // rows already handled by an earlier run
        }
    }

    /** The number of the last row {@link #next()} answered (1, the header, before any). */
    int lastRow();

    @Override
    void close() throws IOException;
}
