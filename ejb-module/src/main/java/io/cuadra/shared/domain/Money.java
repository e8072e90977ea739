package io.cuadra.shared.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, always at the currency's minor unit (ISO 4217: CLP 0 decimals, PEN, EUR and
 * MXN 2) rounded HALF_UP: a Chilean amount never carries centavos nobody can pay. Arithmetic between
 * different currencies is refused rather than silently mixed. Intermediate calculations that need
 * more precision (tax extracted from a price that includes it, prorated discounts) work on
 * {@link BigDecimal} and come back through {@link #of(BigDecimal, Currency)}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money>, Serializable {

    /** The finest scale any stored amount has (numeric(12,2) columns); a currency may use fewer digits. */
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(digits(currency), ROUNDING);
    }

    /** Decimal places of the currency's minor unit (0 for CLP, 2 for PEN, EUR, MXN). */
    public static int digits(Currency currency) {
        return Math.max(0, Math.min(SCALE, currency.getDefaultFractionDigits()));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds an intermediate value with no currency (a unit cost, a stock value) to the finest stored scale. */
    public static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    /** Rounds an intermediate value to the currency's minor unit, the way every amount of it is rounded. */
    public static BigDecimal round(BigDecimal value, Currency currency) {
        return value.setScale(digits(currency), ROUNDING);
    }

    /** Whether {@code value} has no more decimals than the currency's minor unit (1190.50 CLP has). */
    public static boolean fits(BigDecimal value, Currency currency) {
        return value.stripTrailingZeros().scale() <= digits(currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** Multiplies by a quantity or a rate and rounds the result to the minor unit. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
