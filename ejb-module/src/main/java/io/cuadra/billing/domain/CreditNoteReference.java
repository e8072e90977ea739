package io.cuadra.billing.domain;

import java.util.Objects;

/**
 * What a credit note corrects and why: the original factura or boleta, the catalog 09 reason and the
 * free-text reason SUNAT prints (DiscrepancyResponse/Description).
 */
public record CreditNoteReference(DocumentKind originalKind, DocumentNumber originalNumber,
                                  CreditNoteReason reason, String reasonDescription) {

    public CreditNoteReference {
        Objects.requireNonNull(originalKind, "kind of the original document");
        Objects.requireNonNull(originalNumber, "number of the original document");
        Objects.requireNonNull(reason, "credit note reason");
        if (originalKind == DocumentKind.CREDIT_NOTE) {
            throw new IllegalArgumentException("A credit note corrects a factura or a boleta, not another credit note.");
        }
        if (!originalKind.acceptsSeries(originalNumber.series())) {
            throw new IllegalArgumentException("The original " + originalKind.name().toLowerCase() + " "
                    + originalNumber.id() + " has an impossible series: it must be " + originalKind.seriesRule() + ".");
        }
        reasonDescription = Texts.required(reasonDescription, "Credit note reason description", 500);
    }
}
