package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;

import java.util.Objects;

/** An amount split into the value without tax and its tax; the total is their sum by construction. */
public record TaxedAmount(Money base, Money tax) {

    public TaxedAmount {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(tax, "tax");
        if (!base.currency().equals(tax.currency())) {
            throw new IllegalArgumentException("Base and tax are in the same currency");
        }
    }

    public Money total() {
        return base.plus(tax);
    }
}
