package io.cuadra.batch.tabular;

import java.io.Serializable;
import java.util.List;

/**
 * One row of a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its
 * cells as text, in column order.
 */
public record TabularRow(int number, List<String> cells) implements Serializable {

    public TabularRow {
        cells = List.copyOf(cells);
    }

    /** The cell of a column, stripped; null when the row is shorter or the cell is blank. */
    public String cell(int column) {
        if (column < 0 || column >= cells.size()) {
            return null;
        }
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
