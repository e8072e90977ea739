package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A discount granted at the counter, on a line or on the whole order: a percentage or a fixed amount,
 * always with the reason and the person who applied it so that it can be audited and approved.
 * Amounts are in the catalog's price basis: with prices including tax a discount reduces what the
 * customer pays, with prices excluding tax it reduces the base.
 */
public sealed interface Discount {

    String reason();

    String appliedBy();

    /**
     * What this discount takes off {@code appliesTo}, rounded to the cent. It may be more than
     * {@code appliesTo} for a fixed amount; whoever applies it refuses that (see {@link AppliedDiscount}).
     */
    Money amountOn(Money appliesTo);

    static Percentage percent(String percent, String reason, String appliedBy) {
        return new Percentage(new BigDecimal(percent), reason, appliedBy);
    }

    static FixedAmount amount(Money amount, String reason, String appliedBy) {
        return new FixedAmount(amount, reason, appliedBy);
    }

    /** A percentage (above 0, at most 100, two decimals) of the amount it applies to. */
    record Percentage(BigDecimal percent, String reason, String appliedBy) implements Discount {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Percentage {
            Objects.requireNonNull(percent, "percent");
            requireText(reason, "reason");
            requireText(appliedBy, "appliedBy");
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("A percentage discount is above 0 and at most 100, not " + percent);
            }
            if (percent.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("A percentage discount has at most two decimals, not " + percent);
            }
            percent = percent.setScale(2);
        }

        /** Rounded HALF_UP to the cent, so it never exceeds {@code appliesTo}. */
        @Override
        public Money amountOn(Money appliesTo) {
            return appliesTo.times(percent.movePointLeft(2));
        }
    }

    /** A fixed amount in the order's currency. */
    record FixedAmount(Money amount, String reason, String appliedBy) implements Discount {

        public FixedAmount {
            Objects.requireNonNull(amount, "amount");
            requireText(reason, "reason");
            requireText(appliedBy, "appliedBy");
            if (amount.amount().signum() <= 0) {
                throw new IllegalArgumentException("A fixed discount is above zero, not " + amount);
            }
        }

        @Override
        public Money amountOn(Money appliesTo) {
            if (!amount.currency().equals(appliesTo.currency())) {
                throw new IllegalArgumentException("A discount in " + amount.currency() + " cannot apply to "
                        + appliesTo.currency());
            }
            return amount;
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A discount needs its " + name);
        }
    }
}
