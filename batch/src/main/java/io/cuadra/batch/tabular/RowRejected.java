package io.cuadra.batch.tabular;

import java.util.List;

/**
 * A row that cannot be imported, and why, in words the person who filled the sheet can act on. Jobs
 * declare it skippable: the row is left out and reported, the others go on.
 */
public class RowRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int row;
    private final List<String> cells;

    public RowRejected(TabularRow row, String reason) {
        super(reason);
        this.row = row.number();
        this.cells = row.cells();
    }

    public int row() {
        return row;
    }

    public List<String> cells() {
        return cells;
    }

    public String reason() {
        return getMessage();
    }
}
