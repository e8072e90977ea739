package io.cuadra.reconciliation.domain.cash;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** One banknote or coin of a currency, e.g. a 0.50 PEN coin. */
public record Denomination(Currency currency, BigDecimal value, DenominationForm form) implements Serializable {

    public Denomination {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(form, "form");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("A denomination is worth more than zero; got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException("A denomination is a whole number of cents; got " + value.toPlainString());
        }
        value = Money.round(value);
    }

    public Money times(int count) {
        return Money.of(value, currency).times(BigDecimal.valueOf(count));
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency.getCurrencyCode() + " " + form.name().toLowerCase(Locale.ROOT);
    }
}
