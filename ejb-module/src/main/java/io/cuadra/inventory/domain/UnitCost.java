package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * What one unit of a lot cost, kept at six decimals instead of Money's two. A lot's unit cost is
 * usually derived from a purchase line total (100.00 for 3 boxes is 33.333333 a box) and Peruvian
 * e-invoices carry unit values with up to ten decimals; at two decimals the cost of goods sold would
 * drift by up to half a cent per unit sold (5.00 on 1,000 units). Amounts become {@link Money} only
 * when a cost of goods sold is rounded to the cent, once per order line.
 */
public record UnitCost(BigDecimal amount, Currency currency) implements Serializable {

    public static final int SCALE = 6;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public UnitCost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("A unit cost cannot be negative; got " + amount.toPlainString());
        }
        amount = amount.setScale(SCALE, ROUNDING);
    }

    public static UnitCost of(String amount, String currencyCode) {
        return new UnitCost(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static UnitCost of(Money money) {
        return new UnitCost(money.amount(), money.currency());
    }

    /** The unit cost of a purchase line: its total divided by the quantity received. */
    public static UnitCost perUnit(Money lineTotal, Quantity received) {
        received.requirePositive("Quantity received");
        return new UnitCost(lineTotal.amount().divide(received.value(), SCALE, ROUNDING), lineTotal.currency());
    }

    /**
     * The cost of a lot after {@code added} units at {@code incoming} join the {@code held} units at
     * this cost: the weighted average. What is held below zero (stock sold ahead of its receipt)
     * weighs nothing, so a receipt into an empty or short lot simply takes the incoming cost.
     */
    public UnitCost blendedWith(Quantity held, UnitCost incoming, Quantity added) {
        added.requirePositive("Quantity added");
        if (!incoming.currency.equals(currency)) {
            throw new IllegalArgumentException("This lot is costed in " + currency.getCurrencyCode()
                    + "; goods costed in " + incoming.currency.getCurrencyCode() + " cannot join it");
        }
        BigDecimal weight = held.max(Quantity.ZERO).value();
        if (weight.signum() == 0) {
            return incoming;
        }
        BigDecimal total = amount.multiply(weight).add(incoming.amount.multiply(added.value()));
        return new UnitCost(total.divide(weight.add(added.value()), SCALE, ROUNDING), currency);
    }

    /** The exact, unrounded cost of a quantity; callers round the sum once. */
    public BigDecimal costOf(Quantity quantity) {
        return amount.multiply(quantity.value());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode() + "/unit";
    }
}
