package io.cuadra.inventory.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A stock quantity, always at three decimal places (grams of a kilo, millilitres of a litre).
 * Values typed or imported with more than three significant decimals are refused rather than
 * silently rounded, because a rounded stock figure no longer matches what was counted. Quantities
 * computed by multiplication (kit components) go through {@link #rounded(BigDecimal)} instead.
 * A quantity may be negative: signed adjustments and balances with the never-negative switch off.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity>, Serializable {

    public static final int SCALE = 3;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "value");
        try {
            value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A quantity has at most " + SCALE + " decimals; got "
                    + value.toPlainString(), e);
        }
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public static Quantity of(String value) {
        return new Quantity(new BigDecimal(value));
    }

    public static Quantity of(long units) {
        return new Quantity(BigDecimal.valueOf(units));
    }

    /** For computed quantities only (a product of factors): rounds half-up to three decimals. */
    public static Quantity rounded(BigDecimal value) {
        return new Quantity(value.setScale(SCALE, ROUNDING));
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(other.value));
    }

    public Quantity negate() {
        return new Quantity(value.negate());
    }

    public Quantity abs() {
        return new Quantity(value.abs());
    }

    public Quantity min(Quantity other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Quantity max(Quantity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    public boolean isGreaterThan(Quantity other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Quantity other) {
        return compareTo(other) < 0;
    }

    /** Refuses anything but a strictly positive quantity; {@code what} names it in the message. */
    public Quantity requirePositive(String what) {
        if (!isPositive()) {
            throw new IllegalArgumentException(what + " must be positive; got " + this);
        }
        return this;
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
