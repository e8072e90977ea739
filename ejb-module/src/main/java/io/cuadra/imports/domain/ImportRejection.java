package io.cuadra.imports.domain;

import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One line of an import's rejected-rows report: the row number the spreadsheet shows, why it was
 * left out, and its cells as read. A report line, written once and never edited, so it is not a
 * versioned, audited {@code TenantEntity} (the import itself is).
 */
@Entity
@Table(name = "import_rejections")
public class ImportRejection extends TenantScoped {

    @Column(name = "import_id", nullable = false, updatable = false)
    private long importId;
    @Column(name = "row_number", nullable = false, updatable = false)
    private int rowNumber;
    @Column(nullable = false, updatable = false)
    private String reason;
    /** JSON array of the cells. */
    @Column(nullable = false, updatable = false)
    private String cells;

    protected ImportRejection() {
    }

    public ImportRejection(long importId, int rowNumber, String reason, String cells) {
        this.importId = importId;
        this.rowNumber = rowNumber;
        this.reason = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
        this.cells = cells;
    }

    public int getRowNumber() {
        return rowNumber;
    }

    public String getReason() {
        return reason;
    }

    public String getCells() {
        return cells;
    }
}
