package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Goods written off from one lot of one warehouse, with why; its stock leaves by a WASTAGE move. */
@Entity
@Table(name = "wastages")
public class Wastage extends TenantEntity {

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private long warehouseId;
    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;
    @Column(name = "lot_id", nullable = false, updatable = false)
    private long lotId;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WastageReason reason;
    @Column(updatable = false)
    private String notes;
    @Column(name = "unit_cost", nullable = false, updatable = false)
    private BigDecimal unitCost;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected Wastage() {
    }

    public Wastage(long warehouseId, Lot lot, Quantity quantity, WastageReason reason, String notes, Instant at) {
        Objects.requireNonNull(reason, "reason");
        if (reason == WastageReason.OTHER && (notes == null || notes.isBlank())) {
            throw new RuleViolation("notes: say what happened when the reason is OTHER.").withKey("wastage.notes");
        }
        this.warehouseId = warehouseId;
        this.itemId = lot.itemId();
        this.lotId = lot.id();
        this.quantity = quantity.requirePositive("Quantity written off").value();
        this.reason = reason;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.unitCost = lot.unitCost().amount();
        this.currency = lot.unitCost().currency().getCurrencyCode();
        this.recordedAt = at;
    }

    public StockMove move() {
        return StockMove.of(StockMoveType.WASTAGE, warehouseId, itemId, lotId, Quantity.of(quantity));
    }

    public long getWarehouseId() {
        return warehouseId;
    }

    public long getItemId() {
        return itemId;
    }

    public long getLotId() {
        return lotId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public WastageReason getReason() {
        return reason;
    }

    public String getNotes() {
        return notes;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
