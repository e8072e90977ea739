package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.Quantity;
import io.cuadra.shared.domain.RuleViolation;

import java.math.BigDecimal;

/** A quantity a person typed, checked with a sentence naming the field (422) instead of a stack trace. */
public final class TypedQuantity {

    private TypedQuantity() {
    }

    /** Above zero, at most three decimals. */
    public static Quantity positive(BigDecimal value, String field) {
        if (value == null || value.signum() <= 0) {
            throw new RuleViolation(field + ": a quantity above zero is needed.").withKey("inventory.quantityAboveZero", field);
        }
        return of(value, field);
    }

    /** Zero or more (what a count found), at most three decimals. */
    public static Quantity zeroOrMore(BigDecimal value, String field) {
        if (value == null || value.signum() < 0) {
            throw new RuleViolation(field + ": zero or more.").withKey("inventory.zeroMore", field);
        }
        return of(value, field);
    }

    private static Quantity of(BigDecimal value, String field) {
        try {
            return Quantity.of(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(field + ": at most three decimals; got " + value.toPlainString() + ".").withKey("inventory.mostThreeDecimals", field, value.toPlainString());
        }
    }
}
