package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** One line: description, quantity, unit price excluding VAT (HT) and the VAT rate that applies. */
public record FrenchInvoiceLine(String description, BigDecimal quantity, Money unitPriceExclTax, BigDecimal vatRate) {

    /** The rates of metropolitan France: normal, intermediate, reduced, super-reduced, and 0 (exempt). */
    public static final Set<BigDecimal> RATES = Set.of(new BigDecimal("20"), new BigDecimal("10"),
            new BigDecimal("5.5"), new BigDecimal("2.1"), BigDecimal.ZERO);

    public FrenchInvoiceLine {
        description = FrenchSeller.required(description, "Line description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPriceExclTax, "unit price");
        Objects.requireNonNull(vatRate, "VAT rate");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(description + ": the quantity must be positive; an AVOIR carries"
                    + " positive quantities too.");
        }
        if (unitPriceExclTax.isNegative()) {
            throw new IllegalArgumentException(description + ": the unit price cannot be negative.");
        }
        vatRate = vatRate.stripTrailingZeros();
        if (vatRate.scale() < 0) {
            vatRate = vatRate.setScale(0);
        }
        BigDecimal rate = vatRate;
        if (RATES.stream().noneMatch(r -> r.compareTo(rate) == 0)) {
            throw new IllegalArgumentException(description + ": " + vatRate.toPlainString()
                    + " % is not a French VAT rate (20, 10, 5.5, 2.1 or 0).");
        }
    }

    public Money totalExclTax() {
        return unitPriceExclTax.times(quantity);
    }
}
