package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The files a customer receives with a document (billing's published API for notifications): its printed
 * representation (A4 PDF) and, for electronic documents, the signed XML as sent to the authority.
 */
@Stateless
public class CustomerCopies {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    BillingPrintouts printouts;

    /** One file: name, MIME type, bytes. */
    public record Copy(String fileName, String contentType, byte[] content) {
    }

    /** The PDF and (when signed) XML of a document of the current tenant; empty when there is no such document. */
    public Optional<Copies> of(long documentId) {
        BillingDocument d = em.find(BillingDocument.class, documentId);
        if (d == null) {
            return Optional.empty();
        }
        String base = (d.getIssuerTaxId() + "-" + d.getTypeCode() + "-" + d.getDisplayNumber()).replaceAll("[^A-Za-z0-9-]", "_");
        Copy pdf = new Copy(base + ".pdf", "application/pdf", printouts.pdf(d, BillingPrintouts.Format.A4));
        Copy xml = d.getXml() == null ? null
                : new Copy(base + ".xml", "application/xml", d.getXml());
        return Optional.of(new Copies(pdf, xml));
    }

    public record Copies(Copy pdf, Copy xml) {
    }
}
