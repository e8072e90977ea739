package io.cuadra.reconciliation.domain.cash;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.Objects;

/**
 * Counted minus expected cash. The difference is kept exactly as found, never adjusted to zero: a
 * shortage is information the business needs, not noise to hide.
 */
public record CashVariance(Money expected, Money counted, Money difference) implements Serializable {

    public enum Outcome { EXACT, OVER, SHORT }

    public CashVariance {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(difference, "difference");
        if (!counted.minus(expected).equals(difference)) {
            throw new IllegalArgumentException("The difference must be counted minus expected: " + counted + " - "
                    + expected + " is not " + difference);
        }
    }

    public static CashVariance of(Money expected, Money counted) {
        return new CashVariance(expected, counted, counted.minus(expected));
    }

    public Outcome outcome() {
        int sign = difference.amount().signum();
        return sign == 0 ? Outcome.EXACT : sign > 0 ? Outcome.OVER : Outcome.SHORT;
    }

    public String sentence() {
        String base = "Counted " + counted + " against " + expected + " expected";
        return switch (outcome()) {
            case EXACT -> base + ": exact.";
            case OVER -> base + ": " + difference + " over.";
            case SHORT -> base + ": " + difference.negate() + " short.";
        };
    }
}
