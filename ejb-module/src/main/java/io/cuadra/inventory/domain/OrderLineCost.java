package io.cuadra.inventory.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The cost of goods sold of one order line: Σ quantity × unit cost over the lots its OUT moves
 * consumed, rounded to the cent once ({@link CostOfGoodsSold}). Written with the moves by the sale
 * observer; read-only here.
 */
@Entity
@ReadOnly
@Table(name = "order_line_costs")
public class OrderLineCost extends TenantEntity {

    @Column(name = "order_id")
    private long orderId;
    @Column(name = "order_line_id")
    private long orderLineId;
    @Column(name = "location_id")
    private long locationId;
    @Column(name = "item_id")
    private long itemId;
    private BigDecimal quantity;
    private String currency;
    private BigDecimal cost;
    @Column(name = "returned_at")
    private Instant returnedAt;

    protected OrderLineCost() {
    }

    public long getOrderId() {
        return orderId;
    }

    public long getOrderLineId() {
        return orderLineId;
    }

    public long getLocationId() {
        return locationId;
    }

    public long getItemId() {
        return itemId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }
}
