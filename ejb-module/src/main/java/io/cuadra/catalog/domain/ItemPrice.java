package io.cuadra.catalog.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One change of an item's price: before, after and why; who and when are the row's creation stamp. */
@Entity
@Table(name = "item_prices")
public class ItemPrice extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private Item item;
    @Column(name = "old_price", updatable = false)
    private BigDecimal oldPrice;
    @Column(name = "new_price", nullable = false, updatable = false)
    private BigDecimal newPrice;
    @Column(nullable = false, updatable = false)
    private String reason;

    protected ItemPrice() {
    }

    ItemPrice(Item item, BigDecimal oldPrice, BigDecimal newPrice, String reason) {
        this.item = item;
        this.oldPrice = oldPrice;
        this.newPrice = newPrice;
        this.reason = reason;
    }

    public Item getItem() {
        return item;
    }

    public BigDecimal getOldPrice() {
        return oldPrice;
    }

    public BigDecimal getNewPrice() {
        return newPrice;
    }

    public String getReason() {
        return reason;
    }
}
