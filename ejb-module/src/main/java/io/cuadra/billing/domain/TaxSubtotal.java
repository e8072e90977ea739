package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.util.Objects;

/** Sum of the lines of one tax scheme: the taxable base and the tax it bears. */
public record TaxSubtotal(TaxScheme scheme, Money taxableAmount, Money taxAmount) {

    public TaxSubtotal {
        Objects.requireNonNull(scheme, "tax scheme");
        Objects.requireNonNull(taxableAmount, "taxable amount");
        Objects.requireNonNull(taxAmount, "tax amount");
    }
}
