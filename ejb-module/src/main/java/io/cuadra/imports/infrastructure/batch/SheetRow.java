package io.cuadra.imports.infrastructure.batch;

import io.cuadra.batch.tabular.Columns;
import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.batch.tabular.TabularRow;
import io.cuadra.shared.domain.SearchText;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;

/**
 * One row of an import file with its columns, read as the types the importers need, and the block of
 * rows read ahead with it. Every value that cannot be read is a {@link RowRejected} naming the column
 * and what was found.
 */
public record SheetRow(TabularRow row, Columns columns, SheetBlock block) {

    private static final Set<String> YES = Set.of("true", "yes", "y", "si", "s", "1", "x", "verdadero", "vrai", "oui");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "falso", "faux", "non");

    public int number() {
        return row.number();
    }

    /** The cell, stripped; null when blank or when the sheet has no such column. */
    public String text(String column) {
        return columns.get(row, column);
    }

    public String required(String column) throws RowRejected {
        String value = text(column);
        if (value == null) {
            throw reject(column + ": this cell is empty.");
        }
        return value;
    }

    /** TRUE/FALSE as a spreadsheet writes them, or yes/no, sí/no, 1/0, x. */
    public boolean flag(String column, boolean whenBlank) throws RowRejected {
        String value = text(column);
        if (value == null) {
            return whenBlank;
        }
        String folded = SearchText.fold(value);
        if (YES.contains(folded)) {
            return true;
        }
        if (NO.contains(folded)) {
            return false;
        }
        throw reject(column + ": \"" + value + "\" is not yes or no (TRUE/FALSE, sí/no, 1/0).");
    }

    /**
     * A decimal written with a point or a comma ("12.50", "12,50", "1,234.50", "1.234,50"); null when blank.
     */
    public BigDecimal decimal(String column) throws RowRejected {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return parseDecimal(value);
        } catch (NumberFormatException e) {
            throw reject(column + ": \"" + value + "\" is not a number.");
        }
    }

    public BigDecimal requiredDecimal(String column) throws RowRejected {
        required(column);
        return decimal(column);
    }

    /** The constant named by the cell (any case), or by one of the words given for it. */
    public <E extends Enum<E>> E choice(String column, Class<E> type, E whenBlank) throws RowRejected {
        String value = text(column);
        if (value == null) {
            return whenBlank;
        }
        String folded = SearchText.fold(value).replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(folded)) {
                return constant;
            }
        }
        throw reject(column + ": \"" + value + "\" is not one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
    }

    public RowRejected reject(String reason) {
        return new RowRejected(row, reason);
    }

    static BigDecimal parseDecimal(String value) {
        String v = value.strip().replace(" ", "").replace("\u00A0", "");
        int comma = v.lastIndexOf(',');
        int point = v.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            // The separator that comes last is the decimal one; the other groups thousands.
            v = comma > point ? v.replace(".", "").replace(',', '.') : v.replace(",", "");
        } else if (comma >= 0) {
            v = v.replace(',', '.');
        }
        return new BigDecimal(v);
    }
}
