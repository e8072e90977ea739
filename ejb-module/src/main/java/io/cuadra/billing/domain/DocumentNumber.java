package io.cuadra.billing.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Series and correlative of a SUNAT document, written "F001-123". SUNAT allows 1 to 8 digits for the
 * correlative and writes it without leading zeros in the XML ID and in the file names.
 */
public record DocumentNumber(String series, long number) {

    public static final long MAX_NUMBER = 99_999_999L;
    private static final Pattern SERIES = Pattern.compile("[A-Z0-9]{4}");
    private static final Pattern ID = Pattern.compile("([A-Z0-9]{4})-0*([0-9]{1,8})");

    public DocumentNumber {
        Objects.requireNonNull(series, "series");
        if (!SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("A series has exactly 4 upper-case letters or digits; got \""
                    + series + "\".");
        }
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("A document number goes from 1 to " + MAX_NUMBER + "; got "
                    + number + ".");
        }
    }

    public static DocumentNumber of(String series, long number) {
        return new DocumentNumber(series, number);
    }

    /** Parses "F001-123" (leading zeros in the number are tolerated and dropped). */
    public static DocumentNumber parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("A document ID looks like F001-123 (series of 4, dash, 1 to 8"
                    + " digits); got \"" + id + "\".");
        }
        return new DocumentNumber(m.group(1), Long.parseLong(m.group(2)));
    }

    /** The SUNAT ID, e.g. "F001-123". */
    public String id() {
        return series + "-" + number;
    }

    public char seriesLetter() {
        return series.charAt(0);
    }

    @Override
    public String toString() {
        return id();
    }
}
