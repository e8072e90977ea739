package io.cuadra.reconciliation.domain.closure;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a day: which records it concerns, the amounts that disagree and a sentence a
 * supervisor can act on. {@code orderId}/{@code orderNumber} are null when no order is known.
 */
public record Discrepancy(DiscrepancyKey key, Long orderId, String orderNumber, List<DocumentRef> documents,
                          Money expected, Money actual, String sentence) implements Serializable {

    public Discrepancy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(sentence, "sentence");
        documents = List.copyOf(documents);
    }

    public DiscrepancyType type() {
        return key.type();
    }

    /** Actual minus expected: negative when money or paperwork is short. */
    public Money difference() {
        return actual.minus(expected);
    }
}
