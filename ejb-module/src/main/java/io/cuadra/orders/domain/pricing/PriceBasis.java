package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;

/**
 * Whether a tenant's catalog prices include the tax (a per-tenant flag). It decides which amount of a
 * line is exact and which is derived: the one the customer was quoted is never touched by rounding.
 */
public enum PriceBasis {

    /**
     * Prices include the tax (usual at a Peruvian or French counter). The line amount after discounts
     * is what the customer pays, so it is the total; the base is extracted from it and rounded once,
     * HALF_UP to the minor unit, and the tax is the remainder, so base + tax = total exactly.
     */
    TAX_INCLUSIVE {
        @Override
        public TaxedAmount split(Money amount, TaxRate rate) {
            BigDecimal base = amount.amount().divide(BigDecimal.ONE.add(rate.rate()),
                    Money.digits(amount.currency()), Money.ROUNDING);
            Money baseMoney = Money.of(base, amount.currency());
            return new TaxedAmount(baseMoney, amount.minus(baseMoney));
        }
    },

    /**
     * Prices exclude the tax (usual between businesses). The line amount after discounts is the base;
     * the tax is base x rate rounded once, HALF_UP to the minor unit, and the total is base + tax.
     */
    TAX_EXCLUSIVE {
        @Override
        public TaxedAmount split(Money amount, TaxRate rate) {
            return new TaxedAmount(amount, amount.times(rate.rate()));
        }
    };

    /** Splits a line amount expressed in this basis (after discounts) into base and tax. */
    public abstract TaxedAmount split(Money amount, TaxRate rate);
}
