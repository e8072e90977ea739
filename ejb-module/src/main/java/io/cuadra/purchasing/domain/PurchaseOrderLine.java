package io.cuadra.purchasing.domain;

import io.cuadra.shared.domain.Money;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One product ordered: quantity ordered and received so far, unit cost, and the tax rate when ordered. */
@Entity
@Table(name = "purchase_order_lines")
public class PurchaseOrderLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private PurchaseOrder order;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "item_id", nullable = false)
    private long itemId;
    @Column(name = "quantity_ordered", nullable = false)
    private BigDecimal quantityOrdered;
    @Column(name = "quantity_received", nullable = false)
    private BigDecimal quantityReceived = BigDecimal.ZERO.setScale(3);
    @Column(name = "unit_cost", nullable = false)
    private BigDecimal unitCost;
    @Column(name = "tax_percent", nullable = false)
    private BigDecimal taxPercent;

    protected PurchaseOrderLine() {
    }

    PurchaseOrderLine(PurchaseOrder order, int lineNo, PurchaseLineDraft draft) {
        this.order = order;
        this.lineNo = lineNo;
        this.itemId = draft.itemId();
        this.quantityOrdered = draft.quantity();
        this.unitCost = draft.unitCost();
        this.taxPercent = draft.taxPercent();
    }

    /** Adds what arrived; returns how much of it is beyond what was ordered (zero when within). */
    BigDecimal receive(BigDecimal quantity) {
        quantityReceived = quantityReceived.add(quantity);
        return quantityReceived.subtract(quantityOrdered).max(BigDecimal.ZERO);
    }

    boolean isComplete() {
        return quantityReceived.compareTo(quantityOrdered) >= 0;
    }

    /** Quantity × unit cost, to the cent. */
    public BigDecimal subtotal() {
        return Money.round(quantityOrdered.multiply(unitCost));
    }

    /** The tax on the subtotal at the rate snapshotted on the line, to the cent. */
    public BigDecimal tax() {
        return Money.round(subtotal().multiply(taxPercent).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP));
    }

    public BigDecimal pending() {
        return quantityOrdered.subtract(quantityReceived).max(BigDecimal.ZERO);
    }

    public PurchaseOrder getOrder() {
        return order;
    }

    public int getLineNo() {
        return lineNo;
    }

    public long getItemId() {
        return itemId;
    }

    public BigDecimal getQuantityOrdered() {
        return quantityOrdered;
    }

    public BigDecimal getQuantityReceived() {
        return quantityReceived;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public BigDecimal getTaxPercent() {
        return taxPercent;
    }
}
