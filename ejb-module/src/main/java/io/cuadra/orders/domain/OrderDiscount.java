package io.cuadra.orders.domain;

import io.cuadra.orders.domain.pricing.AppliedDiscount;
import io.cuadra.orders.domain.pricing.Discount;
import io.cuadra.orders.domain.pricing.DiscountLevel;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A discount granted on a line or on the whole order, in the order discounts were granted: a percent
 * or a fixed amount, with the reason, who granted it and, when it went above the tenant's threshold,
 * who approved it. {@code appliesTo} and {@code amount} are what the pricing made of it.
 */
@Entity
@Table(name = "order_discounts")
public class OrderDiscount extends TenantEntity {

    /** Percent of what it applies to, or a fixed amount in the order's currency. */
    public enum Kind {
        PERCENT,
        AMOUNT
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;
    /** Eager: the line is in the same persistence context as the discount, so this costs no query. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "line_id", updatable = false)
    private OrderLine line;
    @Column(nullable = false, updatable = false)
    private int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DiscountLevel level;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;
    @Column(nullable = false, updatable = false)
    private BigDecimal value;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(name = "applied_by", nullable = false, updatable = false)
    private String appliedBy;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "applies_to", nullable = false)
    private BigDecimal appliesTo;
    @Column(nullable = false)
    private BigDecimal amount;

    /** The value the pricing works with; rebuilt from the row when loaded. */
    @Transient
    private Discount discount;

    protected OrderDiscount() {
    }

    OrderDiscount(Order order, OrderLine line, int position, Kind kind, BigDecimal value, String reason,
                  String appliedBy) {
        this.order = order;
        this.line = line;
        this.level = line == null ? DiscountLevel.ORDER : DiscountLevel.LINE;
        this.position = position;
        this.kind = kind;
        this.reason = reason == null ? null : reason.strip();
        this.appliedBy = appliedBy;
        this.discount = build(kind, value, this.reason, appliedBy, Currency.getInstance(order.getCurrency()));
        this.value = kind == Kind.PERCENT ? ((Discount.Percentage) discount).percent()
                : ((Discount.FixedAmount) discount).amount().amount();
    }

    private static Discount build(Kind kind, BigDecimal value, String reason, String appliedBy, Currency currency) {
        if (kind == null || value == null) {
            throw new OrderRuleViolation("A discount is a percent or an amount, with its value.")
                    .withKey("discount.value").onField("value");
        }
        if (reason == null || reason.isBlank()) {
            throw new OrderRuleViolation("A discount needs its reason.").withKey("discount.reason").onField("reason");
        }
        try {
            return kind == Kind.PERCENT
                    ? new Discount.Percentage(value, reason, appliedBy)
                    : new Discount.FixedAmount(Money.of(value, currency), reason, appliedBy);
        } catch (IllegalArgumentException e) {
            throw new OrderRuleViolation(e.getMessage() + ".").withKey("discount.value").onField("value");
        }
    }

    Discount discount() {
        if (discount == null) {
            discount = build(kind, value, reason, appliedBy, Currency.getInstance(order.getCurrency()));
        }
        return discount;
    }

    void take(AppliedDiscount applied) {
        appliesTo = applied.appliesTo().amount();
        amount = applied.amount().amount();
    }

    void approveBy(String approver) {
        this.approvedBy = approver;
    }

    public Order getOrder() {
        return order;
    }

    public OrderLine getLine() {
        return line;
    }

    public int getPosition() {
        return position;
    }

    public DiscountLevel getLevel() {
        return level;
    }

    public Kind getKind() {
        return kind;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getReason() {
        return reason;
    }

    public String getAppliedBy() {
        return appliedBy;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public BigDecimal getAppliesTo() {
        return appliesTo;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
