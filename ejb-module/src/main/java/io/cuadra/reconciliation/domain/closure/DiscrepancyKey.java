package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * Natural key of a discrepancy: its type and the one record it is about. Re-reading a chunk after a
 * restart yields the same key, so a discrepancy is stored (and shown) once. Subjects per type:
 * MISSING_INVOICE and AMOUNT_MISMATCH → the order; MISSING_ORDER → the document; PAYMENT_MISMATCH →
 * the order when totals disagree, the payment when a reference is missing.
 */
public record DiscrepancyKey(DiscrepancyType type, Subject subject, long subjectId)
        implements Comparable<DiscrepancyKey>, Serializable {

    public enum Subject { ORDER, DOCUMENT, PAYMENT }

    private static final Comparator<DiscrepancyKey> ORDER = Comparator.comparing(DiscrepancyKey::type)
            .thenComparing(DiscrepancyKey::subject)
            .thenComparingLong(DiscrepancyKey::subjectId);

    public DiscrepancyKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public int compareTo(DiscrepancyKey other) {
        return ORDER.compare(this, other);
    }

    /** Stable text form, fit for a unique column: {@code MISSING_INVOICE/ORDER/123}. */
    @Override
    public String toString() {
        return type + "/" + subject + "/" + subjectId;
    }
}
