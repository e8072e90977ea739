package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.events.BillingDocumentFinal;

/** The published form of billing's events, built from a document in one place. */
final class BillingEvents {

    private BillingEvents() {
    }

    static BillingDocumentFinal finalOf(BillingDocument d, long tenantId) {
        return new BillingDocumentFinal(tenantId, d.getId(), d.getKind().name(), d.getKind().isCreditNote(),
                d.getDisplayNumber(), d.getLocationId(), d.getOrderId(), d.getCustomerId(), d.getCustomerName(),
                d.getStatus().name(), d.getTotalAmount(), d.getCurrency(), d.getIssueDate());
    }
}
