package io.cuadra.orders.domain.pricing;

import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A discount as it was applied: the amount it applied to and the amount it took off, both to the cent.
 * Keeping both is what lets the approval rule judge the effective percentage of a fixed discount.
 */
public record AppliedDiscount(DiscountLevel level, Discount discount, Money appliesTo, Money amount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AppliedDiscount {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isGreaterThan(appliesTo)) {
            throw new IllegalArgumentException("An applied discount lies between 0 and what it applies to");
        }
    }

    /**
     * Applies discounts one after the other, each to what the previous ones left, in the order they
     * were granted. A discount that would take the amount below zero is refused.
     *
     * @param where how the refusal names the target, e.g. "line 2" or "the order"
     */
    static List<AppliedDiscount> inSequence(DiscountLevel level, Money startingAmount, List<Discount> discounts,
                                            String where) {
        List<AppliedDiscount> applied = new ArrayList<>(discounts.size());
        Money remaining = startingAmount;
        for (Discount discount : discounts) {
            Money amount = discount.amountOn(remaining);
            if (amount.isGreaterThan(remaining)) {
                throw new OrderRuleViolation("The discount \"" + discount.reason() + "\" of " + amount + " on " + where
                        + " is more than the " + remaining + " it applies to; a discount cannot make " + where
                        + " negative").withKey("orders.discountMoreApplies", discount.reason(), amount, where, remaining);
            }
            applied.add(new AppliedDiscount(level, discount, remaining, amount));
            remaining = remaining.minus(amount);
        }
        return List.copyOf(applied);
    }

    static Money sum(List<AppliedDiscount> discounts, Money zero) {
        Money total = zero;
        for (AppliedDiscount d : discounts) {
            total = total.plus(d.amount());
        }
        return total;
    }

    /** amount / appliesTo x 100, HALF_UP to two decimals, for display; 0 when it applied to nothing. */
    public BigDecimal effectivePercent() {
        if (appliesTo.isZero()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.amount().multiply(HUNDRED).divide(appliesTo.amount(), 2, RoundingMode.HALF_UP);
    }

    /** Exact comparison (no rounded percentage in between): amount x 100 > threshold x appliesTo. */
    public boolean effectivePercentExceeds(BigDecimal thresholdPercent) {
        return amount.amount().multiply(HUNDRED).compareTo(thresholdPercent.multiply(appliesTo.amount())) > 0;
    }
}
