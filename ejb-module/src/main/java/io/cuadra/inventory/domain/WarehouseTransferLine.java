package io.cuadra.inventory.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One lot and quantity of a transfer. */
@Entity
@Table(name = "stock_transfer_lines")
public class WarehouseTransferLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transfer_id", nullable = false, updatable = false)
    private WarehouseTransfer transfer;
    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;
    @Column(name = "lot_id", nullable = false, updatable = false)
    private long lotId;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;

    protected WarehouseTransferLine() {
    }

    WarehouseTransferLine(WarehouseTransfer transfer, LotTake take) {
        this.transfer = transfer;
        this.itemId = take.lot().itemId();
        this.lotId = take.lot().id();
        this.quantity = take.quantity().value();
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
}
