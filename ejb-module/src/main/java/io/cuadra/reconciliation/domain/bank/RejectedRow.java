package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A statement row that did not become a transaction, with the reason in words (row numbers count from 1, headings included). */
public record RejectedRow(int rowNumber, List<String> cells, Reason reason, String message) implements Serializable {

    public enum Reason { EMPTY_ROW, MISSING_CELL, BAD_DATE, BAD_AMOUNT }

    public RejectedRow {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        cells = cells.stream().map(c -> c == null ? "" : c).toList();
    }
}
