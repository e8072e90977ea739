package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.infrastructure.pdf.DocumentPdf;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The printed copy of a document: A4 or 80 mm ticket for SUNAT documents, A4 with French mentions, A4 for an
 * internal receipt or credit slip.
 */
@Stateless
public class BillingPrintouts {

    public enum Format { A4, TICKET }

    @EJB
    CompanyService companies;

    public byte[] pdf(BillingDocument d, Format format) {
        byte[] logo = companies.current().getLogo();
        switch (d.getKind().regime()) {
            case FRENCH -> {
                return DocumentPdf.french(DocumentSnapshots.french(d), logo);
            }
            case INTERNAL_RECEIPT -> {
                return DocumentPdf.receipt(DocumentSnapshots.receipt(d), logo);
            }
            default -> {
                // SUNAT, below.
            }
        }
        if (d.getHash() == null) {
            throw new RuleViolation(d.getDisplayNumber() + " has no signature to print.").withKey("billing.signaturePrint", d.getDisplayNumber());
        }
        return format == Format.TICKET ? DocumentPdf.ticket(DocumentSnapshots.electronic(d), d.getHash(), logo)
                : DocumentPdf.a4(DocumentSnapshots.electronic(d), d.getHash(), logo);
    }
}
