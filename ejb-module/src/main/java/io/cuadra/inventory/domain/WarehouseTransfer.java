package io.cuadra.inventory.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stock moved from one warehouse to another (of the same or another location) in one step: a
 * TRANSFER_OUT at the source and a TRANSFER_IN of the same lot at the destination per line
 * ({@link StockTransfer} makes the pairs).
 */
@Entity
@Table(name = "stock_transfers")
public class WarehouseTransfer extends TenantEntity {

    @Column(name = "from_warehouse_id", nullable = false, updatable = false)
    private long fromWarehouseId;
    @Column(name = "to_warehouse_id", nullable = false, updatable = false)
    private long toWarehouseId;
    @Column(updatable = false)
    private String notes;
    @Column(name = "transferred_at", nullable = false, updatable = false)
    private Instant transferredAt;
    @OneToMany(mappedBy = "transfer", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<WarehouseTransferLine> lines = new ArrayList<>();

    protected WarehouseTransfer() {
    }

    /** What the rule accepted becomes the record: one line per lot moved. */
    public WarehouseTransfer(StockTransfer transfer, String notes, Instant at) {
        this.fromWarehouseId = transfer.fromWarehouseId();
        this.toWarehouseId = transfer.toWarehouseId();
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.transferredAt = at;
        transfer.takes().forEach(take -> lines.add(new WarehouseTransferLine(this, take)));
    }

    public long getFromWarehouseId() {
        return fromWarehouseId;
    }

    public long getToWarehouseId() {
        return toWarehouseId;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getTransferredAt() {
        return transferredAt;
    }

    public List<WarehouseTransferLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
