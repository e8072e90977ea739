package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the counter sells on one line: a quantity (up to three decimals, e.g. 0.375 kg), the catalog
 * unit price in the tenant's {@link PriceBasis}, the tax the product carries and the discounts granted
 * on this line, in the order they were granted.
 */
public record LineItem(BigDecimal quantity, Money unitPrice, TaxRate tax, List<Discount> discounts) {

    public static final int QUANTITY_SCALE = 3;

    public LineItem {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(tax, "tax");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("A line quantity is above zero, not " + quantity);
        }
        if (quantity.stripTrailingZeros().scale() > QUANTITY_SCALE) {
            throw new IllegalArgumentException("A line quantity has at most three decimals, not " + quantity);
        }
        quantity = quantity.setScale(QUANTITY_SCALE);
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("A unit price cannot be negative: " + unitPrice);
        }
        discounts = List.copyOf(discounts);
    }

    public LineItem(String quantity, Money unitPrice, TaxRate tax, Discount... discounts) {
        this(new BigDecimal(quantity), unitPrice, tax, List.of(discounts));
    }

    /** quantity x unit price, rounded HALF_UP to the cent: the first rounding point of a line. */
    public Money grossAmount() {
        return unitPrice.times(quantity);
    }
}
