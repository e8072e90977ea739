package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.DocumentStatus;
import java.time.LocalDate;

/**
 * What a list of documents is narrowed to; every field may be null (no narrowing).
 *
 * @param from first issue date included, in each location's own calendar
 * @param to   last issue date included
 */
public record DocumentFilter(Long locationId, BillingDocumentKind kind, DocumentStatus status, LocalDate from,
                             LocalDate to, Long customerId) {

    public DocumentFilter withStatus(DocumentStatus other) {
        return new DocumentFilter(locationId, kind, other, from, to, customerId);
    }
}
