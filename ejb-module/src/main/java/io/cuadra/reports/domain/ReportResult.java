package io.cuadra.reports.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A report as a table: its columns, one row per figure's key (a day, a location, a method, an item...) and
 * the totals of the numeric columns. The same result feeds the JSON answer, the page's chart and table, and
 * the CSV/XLSX/PDF exports, so they can never disagree.
 *
 * @param report the report's code (sales, payments, items, customers, cash...)
 * @param group  how rows are grouped (day, week, month, location, channel, cashier, method, item...)
 */
public record ReportResult(String report, String group, LocalDate from, LocalDate to, List<Column> columns,
                           List<Row> rows, List<Object> totals) implements java.io.Serializable {

    public ReportResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = totals == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(totals));
    }

    /** @param kind TEXT, DATE, COUNT, MONEY or QUANTITY: how the value is written and whether it is summed */
    public record Column(String key, String kind) implements java.io.Serializable {

        public boolean numeric() {
            return kind.equals("COUNT") || kind.equals("MONEY") || kind.equals("QUANTITY");
        }
    }

    /**
     * @param key    what a drill-down asks for (a date, a location id, a method code, an item id...)
     * @param label  what a person reads
     * @param values one per column, in order
     */
    public record Row(String key, String label, List<Object> values) implements java.io.Serializable {

        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** The first numeric column's value per row: what the chart draws. */
    public int chartColumn() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind().equals("MONEY")) {
                return i;
            }
        }
        return 0;
    }
}
