package io.cuadra.orders.domain;

import io.cuadra.orders.domain.pricing.PricedLine;
import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line as sold: the item as the catalog described it at order time (a later change of the
 * catalog does not rewrite past orders) and the amounts the pricing derived for it.
 */
@Entity
@Table(name = "order_lines")
public class OrderLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;
    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;
    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;
    @Column(name = "item_code", nullable = false, updatable = false)
    private String itemCode;
    @Column(name = "item_name", nullable = false, updatable = false)
    private String itemName;
    @Column(name = "item_type", nullable = false, updatable = false)
    private String itemType;
    @Column(name = "unit_code", nullable = false, updatable = false)
    private String unitCode;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;
    @Column(name = "tax_percent", nullable = false, updatable = false)
    private BigDecimal taxPercent;
    @Column(name = "affectation_code", nullable = false, updatable = false)
    private String affectationCode;
    @Column(name = "lot_id", updatable = false)
    private Long lotId;
    @Column(name = "line_discount_total", nullable = false)
    private BigDecimal lineDiscountTotal;
    @Column(name = "order_discount_share", nullable = false)
    private BigDecimal orderDiscountShare;
    @Column(nullable = false)
    private BigDecimal base;
    @Column(nullable = false)
    private BigDecimal tax;
    @Column(nullable = false)
    private BigDecimal total;
    @Column(name = "unit_value", nullable = false)
    private BigDecimal unitValue;
    @Column(name = "unit_sale_price", nullable = false)
    private BigDecimal unitSalePrice;

    protected OrderLine() {
    }

    OrderLine(Order order, int lineNumber, ItemSnapshot item, BigDecimal quantity, Long lotId) {
        this.order = order;
        this.lineNumber = lineNumber;
        this.itemId = item.itemId();
        this.itemCode = item.code();
        this.itemName = item.name();
        this.itemType = item.type();
        this.unitCode = item.unitCode();
        this.unitPrice = item.unitPrice();
        this.taxPercent = item.tax().percent();
        this.affectationCode = item.tax().affectationCode();
        this.quantity = quantity.setScale(3, RoundingMode.UNNECESSARY);
        this.lotId = lotId;
    }

    /** The tax the line carries, as the pricing works with it. */
    public TaxRate taxRate() {
        return TaxRate.of(taxPercent, affectationCode);
    }

    void take(PricedLine priced) {
        lineDiscountTotal = priced.lineDiscountTotal().amount();
        orderDiscountShare = priced.orderDiscountShare().amount();
        base = priced.base().amount();
        tax = priced.tax().amount();
        total = priced.total().amount();
        unitValue = priced.unitValue();
        unitSalePrice = priced.unitPrice();
    }

    public Order getOrder() {
        return order;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public long getItemId() {
        return itemId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getItemName() {
        return itemName;
    }

    public String getItemType() {
        return itemType;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getTaxPercent() {
        return taxPercent;
    }

    public String getAffectationCode() {
        return affectationCode;
    }

    public Long getLotId() {
        return lotId;
    }

    public BigDecimal getLineDiscountTotal() {
        return lineDiscountTotal;
    }

    public BigDecimal getOrderDiscountShare() {
        return orderDiscountShare;
    }

    /** The line's own discounts plus its share of the order's. */
    public BigDecimal getDiscountTotal() {
        return lineDiscountTotal.add(orderDiscountShare);
    }

    public BigDecimal getBase() {
        return base;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getUnitValue() {
        return unitValue;
    }

    public BigDecimal getUnitSalePrice() {
        return unitSalePrice;
    }
}
