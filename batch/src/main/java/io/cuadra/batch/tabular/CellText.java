package io.cuadra.batch.tabular;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a file is cut into cells and how a workbook's typed cells become text. The defaults suit the
 * import jobs (the separator the header uses most; ISO dates; numbers with a point); a bank's statement
 * profile names its own separator, date pattern and decimal separator, so that one profile reads the
 * bank's CSV and XLSX exports alike.
 *
 * @param separator        the CSV separator, or null to take the one the first line uses most
 * @param dates            how a date-formatted workbook cell is written
 * @param decimalSeparator the decimal separator of a numeric workbook cell (no grouping)
 */
public record CellText(Character separator, DateTimeFormatter dates, char decimalSeparator) {

    public static final CellText DEFAULT = new CellText(null, DateTimeFormatter.ISO_LOCAL_DATE, '.');

    public CellText {
        if (dates == null) {
            throw new IllegalArgumentException("A date format is needed.");
        }
    }

    String date(LocalDateTime value) {
        return dates.format(value.toLocalDate());
    }

    String number(String plain) {
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }
}
