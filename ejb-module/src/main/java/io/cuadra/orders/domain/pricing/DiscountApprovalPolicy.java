package io.cuadra.orders.domain.pricing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's rule for discounts that need a supervisor: any single discount whose effective percentage
 * of what it applied to is above the threshold. Judging each discount on its own keeps a cashier from
 * hiding a deep discount behind small ones, and judging the effective percentage catches fixed amounts.
 */
public record DiscountApprovalPolicy(BigDecimal thresholdPercent) {

    public DiscountApprovalPolicy {
        Objects.requireNonNull(thresholdPercent, "thresholdPercent");
        if (thresholdPercent.signum() < 0 || thresholdPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("An approval threshold is a percent between 0 and 100, not " + thresholdPercent);
        }
    }

    public List<AppliedDiscount> needingApproval(Collection<AppliedDiscount> discounts) {
        return discounts.stream().filter(d -> d.effectivePercentExceeds(thresholdPercent)).toList();
    }

    public boolean requiresApproval(Collection<AppliedDiscount> discounts) {
        return !needingApproval(discounts).isEmpty();
    }

    public boolean requiresApproval(PricedOrder order) {
        return requiresApproval(order.appliedDiscounts());
    }
}
