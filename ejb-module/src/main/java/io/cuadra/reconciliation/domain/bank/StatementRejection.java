package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of an import's rejected-rows report: the row as read and why it did not become a transaction. */
@Entity
@Table(name = "bank_statement_rejections")
public class StatementRejection extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "statement_id", nullable = false, updatable = false)
    private BankStatement statement;
    @Column(name = "row_number", nullable = false, updatable = false)
    private int rowNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RejectedRow.Reason reason;
    @Column(nullable = false, updatable = false)
    private String message;
    @Column(nullable = false, updatable = false)
    private String cells;

    protected StatementRejection() {
    }

    public StatementRejection(BankStatement statement, RejectedRow row) {
        this.statement = statement;
        this.rowNumber = row.rowNumber();
        this.reason = row.reason();
        this.message = cut(row.message(), 500);
        this.cells = cut(String.join(" | ", row.cells()), 2000);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public int getRowNumber() {
        return rowNumber;
    }

    public RejectedRow.Reason getReason() {
        return reason;
    }

    public String getMessage() {
        return message;
    }

    public String getCells() {
        return cells;
    }
}
