package io.cuadra.purchasing.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What arrived of one product into one lot, at what unit cost (against an order line, or free). */
@Entity
@Table(name = "goods_receipt_lines")
public class GoodsReceiptLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "receipt_id", nullable = false, updatable = false)
    private GoodsReceipt receipt;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_line_id", updatable = false)
    private PurchaseOrderLine orderLine;
    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;
    @Column(name = "lot_id", nullable = false, updatable = false)
    private long lotId;
    @Column(name = "lot_code", nullable = false, updatable = false)
    private String lotCode;
    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "unit_cost", nullable = false, updatable = false)
    private BigDecimal unitCost;

    protected GoodsReceiptLine() {
    }

    GoodsReceiptLine(GoodsReceipt receipt, PurchaseOrderLine orderLine, long itemId, long lotId, String lotCode,
                     LocalDate expiresOn, BigDecimal quantity, BigDecimal unitCost) {
        this.receipt = receipt;
        this.orderLine = orderLine;
        this.itemId = itemId;
        this.lotId = lotId;
        this.lotCode = lotCode;
        this.expiresOn = expiresOn;
        this.quantity = quantity;
        this.unitCost = unitCost;
    }

    public Long getOrderLineId() {
        return orderLine == null ? null : orderLine.getId();
    }

    public long getItemId() {
        return itemId;
    }

    public long getLotId() {
        return lotId;
    }

    public String getLotCode() {
        return lotCode;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }
}
