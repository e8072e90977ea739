package io.cuadra.reconciliation.domain;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.Objects;

/** How many pieces of one denomination were counted. */
public record CountedDenomination(Denomination denomination, int count) implements Serializable {

    public CountedDenomination {
        Objects.requireNonNull(denomination, "denomination");
        if (count < 0) {
            throw new ReconciliationRuleException("The count of " + denomination.value().toPlainString() + " "
                    + denomination.currency() + " " + denomination.form().plural() + " cannot be negative (got "
                    + count + ").");
        }
    }

    public Money subtotal() {
        return denomination.times(count);
    }
}
