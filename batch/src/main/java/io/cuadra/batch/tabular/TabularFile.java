package io.cuadra.batch.tabular;

import java.io.IOException;
import java.util.List;

/**
 * A spreadsheet read one row at a time, the header first. Rows keep the number the spreadsheet
 * shows, so a report can say "row 12". Wholly blank rows are passed over. A job restarted after a
 * failure {@linkplain #skipPast(int) skips} what it had already done.
 */
public interface TabularFile extends AutoCloseable {

    /** Opens the content and reads its header row. */
    static TabularFile open(byte[] content, TabularFormat format) throws IOException {
        return switch (format) {
            case CSV -> new CsvFile(content);
            case XLSX -> new XlsxFile(content);
        };
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
