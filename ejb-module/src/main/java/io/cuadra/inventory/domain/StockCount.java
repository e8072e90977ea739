package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A physical count of one warehouse. Counted quantities are entered per lot while it is OPEN;
 * confirming hands it to a batch job that writes the adjustments ({@link CountSheet}) in one
 * transaction. A failed job puts it back to OPEN with the reason, with nothing written.
 */
@Entity
@Table(name = "stock_counts")
public class StockCount extends TenantEntity {

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private long warehouseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StockCountStatus status = StockCountStatus.OPEN;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CountCoverage coverage;
    private String notes;
    @Column(name = "lines_total", nullable = false)
    private int linesTotal;
    /** How many adjustments the confirmation makes, known once the job has compared sheet and book. */
    @Column(nullable = false)
    private int adjustments;
    /** Written by the job's progress reports in their own transactions; never by this entity. */
    @Column(name = "adjustments_done", insertable = false, updatable = false)
    private int adjustmentsDone;
    /** Written by CountService.recordExecution outside this entity (see why there). */
    @Column(name = "job_execution_id", insertable = false, updatable = false)
    private Long jobExecutionId;
    private String failure;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "confirmed_by")
    private String confirmedBy;

    protected StockCount() {
    }

    public StockCount(long warehouseId, CountCoverage coverage, String notes) {
        this.warehouseId = warehouseId;
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** Lines can be entered or corrected. */
    public void requireOpen() {
        if (status != StockCountStatus.OPEN) {
            throw new Conflict("Count " + getId() + " is " + status + ": its lines can no longer change.").withKey("inventory.countLinesCan", getId(), status);
        }
    }

    /** Hands the count to the confirmation job; {@code lines} is how many lines it has now. */
    public void startConfirming(int lines) {
        requireOpen();
        if (lines == 0) {
            throw new RuleViolation("Count " + getId() + " has no lines: enter what was counted first.").withKey("inventory.countLinesEnter", getId());
        }
        this.status = StockCountStatus.CONFIRMING;
        this.linesTotal = lines;
        this.failure = null;
    }

    public void confirmed(int adjustments, String by, Instant at) {
        requireConfirming();
        this.status = StockCountStatus.CONFIRMED;
        this.adjustments = adjustments;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    /** The job could not apply it: nothing was written, the count can be corrected and confirmed again. */
    public void failed(String reason) {
        requireConfirming();
        this.status = StockCountStatus.OPEN;
        this.failure = reason == null ? "The confirmation failed." : reason.length() > 1000 ? reason.substring(0, 1000)
                : reason;
    }

    public void cancel() {
        requireOpen();
        this.status = StockCountStatus.CANCELLED;
    }

    private void requireConfirming() {
        if (status != StockCountStatus.CONFIRMING) {
            throw new Conflict("Count " + getId() + " is " + status + ", not being confirmed.").withKey("inventory.countBeingConfirmed", getId(), status);
        }
    }

    public long getWarehouseId() {
        return warehouseId;
    }

    public StockCountStatus getStatus() {
        return status;
    }

    public CountCoverage getCoverage() {
        return coverage;
    }

    public String getNotes() {
        return notes;
    }

    public int getLinesTotal() {
        return linesTotal;
    }

    public int getAdjustmentsDone() {
        return adjustmentsDone;
    }

    public int getAdjustments() {
        return adjustments;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getFailure() {
        return failure;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }
}
