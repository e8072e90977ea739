package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The taxable base and the tax of all the lines sharing one affectation code and percent (one
 * cac:TaxSubtotal of the invoice). Both are sums of line amounts, never recomputed from the base.
 */
public record TaxSubtotal(String affectationCode, BigDecimal percent, boolean taxed, Money base, Money tax) {

    public TaxSubtotal {
        Objects.requireNonNull(affectationCode, "affectationCode");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tax, "tax");
    }

    public Money total() {
        return base.plus(tax);
    }
}
