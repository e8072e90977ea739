package io.cuadra.orders.domain;

import io.cuadra.orders.domain.pricing.DiscountApprovalPolicy;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * The orders component's settings of one tenant. A tenant without a row works with the defaults;
 * the first edit stores them. Whether prices include tax is the company's setting, not this one.
 */
@Entity
@Table(name = "order_settings")
public class OrderSettings extends TenantEntity {

    /** A discount above this share of what it applies to needs orders:approve, unless the tenant says otherwise. */
    public static final BigDecimal DEFAULT_APPROVAL_PERCENT = new BigDecimal("10.00");

    @Column(name = "discount_approval_percent", nullable = false)
    private BigDecimal discountApprovalPercent = DEFAULT_APPROVAL_PERCENT;

    public OrderSettings() {
    }

    public void requireApprovalAbove(BigDecimal percent) {
        try {
            this.discountApprovalPercent = new DiscountApprovalPolicy(percent).thresholdPercent().setScale(2,
                    java.math.RoundingMode.HALF_UP);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new OrderRuleViolation("discountApprovalPercent: an approval threshold is a percent between 0 and 100.").withKey("orders.approvalThresholdPercent");
        }
    }

    public DiscountApprovalPolicy approvalPolicy() {
        return new DiscountApprovalPolicy(discountApprovalPercent);
    }

    public BigDecimal getDiscountApprovalPercent() {
        return discountApprovalPercent;
    }
}
