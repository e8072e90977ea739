package io.cuadra.reconciliation.domain.closure;

import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** An invoice, receipt or credit note as issued; {@code orderId} is null when the document was issued without an order. */
public record ClosureDocument(long id, SalesDocumentType type, String seriesNumber, Long orderId, Money total,
                              LocalDate businessDate, String location) implements ClosureInput {

    public ClosureDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(seriesNumber, "seriesNumber");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(location, "location");
    }

    public boolean isCreditNote() {
        return type.isCreditNote();
    }

    /**
     * MISSING_ORDER: the document points at no order, or at one the day's reading did not find at the
     * location (every order a document of the day points at is read, whatever its age).
     */
    Discrepancy missingOrder(ClosureScope scope) {
        Money none = Money.zero(total.currency());
        String what = type.label() + " " + seriesNumber + " (" + total + ")";
        String sentence = orderId == null
                ? what + " is not linked to any order."
                : what + " refers to order " + orderId + ", which is not an order of " + scope.location()
                + " (missing, or of another location).";
        return new Discrepancy(new DiscrepancyKey(DiscrepancyType.MISSING_ORDER, DiscrepancyKey.Subject.DOCUMENT, id),
                orderId, null, List.of(ref()), total, none, sentence);
    }

    public DocumentRef ref() {
        return new DocumentRef(id, seriesNumber);
    }
}
