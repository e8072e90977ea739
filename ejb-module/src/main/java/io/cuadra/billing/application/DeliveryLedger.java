package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.domain.SunatFileName;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.SunatResponse;
import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.billing.infrastructure.files.SunatZip;
import io.cuadra.billing.infrastructure.sunat.SunatResult;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The transactions around one send to SUNAT: before it, the document goes SENT (so a person sees it is on
 * the wire); after it, SUNAT's answer is stored and the status follows. Each step commits on its own; the
 * call to SUNAT happens between them, outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLedger {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<BillingDocumentFinal> finalised;

    /** What goes on the wire. */
    public record Parcel(String issuerRuc, String zipName, byte[] zip) {
    }

    /** Marks the document SENT and packs it; empty when SUNAT has already decided (nothing to send). */
    public Optional<Parcel> startSending(long documentId, int attempt) {
        BillingDocument d = em.find(BillingDocument.class, documentId);
        if (d == null || !d.getKind().isSunat() || d.getXml() == null) {
            return Optional.empty();
        }
        boolean cancelledButUnsent = d.getStatus() == DocumentStatus.CANCELLED && !answered(documentId);
        if (!d.getStatus().awaitingSunat() && !cancelledButUnsent) {
            return Optional.empty();
        }
        if (d.getStatus() == DocumentStatus.PENDING) {
            DocumentStatus from = d.moveTo(DocumentStatus.SENT);
            event(d, from, DocumentStatus.SENT, "Sent to SUNAT, attempt " + attempt);
        }
        SunatFileName name = new SunatFileName(d.getIssuerTaxId(), d.getKind().sunatKind(),
                DocumentNumber.of(d.getSeries(), d.getNumber()));
        return Optional.of(new Parcel(d.getIssuerTaxId(), name.zipName(), SunatZip.pack(name, d.getXml())));
    }

    /** SUNAT registered a verdict: final status (a voided document stays CANCELLED), response kept. */
    public DocumentStatus recordVerdict(long documentId, int attempt, SunatResult result) {
        BillingDocument d = em.find(BillingDocument.class, documentId);
        DocumentStatus verdict = SunatVerdicts.statusOf(result.status());
        byte[] cdr = result.cdrZip();
        String cdrXml = cdr == null ? null : new String(SunatZip.readXml(cdr).xml(), StandardCharsets.UTF_8);
        em.persist(new SunatResponse(documentId, Instant.now(), attempt, verdict.name(), result.code(),
                result.message(), SunatVerdicts.notes(result), cdr, cdrXml));
        String note = "SUNAT " + SunatVerdicts.describe(result);
        if (d.getStatus() == DocumentStatus.SENT) {
            DocumentStatus from = d.moveTo(verdict);
            event(d, from, verdict, note);
            if (verdict != DocumentStatus.REJECTED) {
                finalised.fire(BillingEvents.finalOf(d, TenantContext.require().tenantId()));
            }
        } else {
            // Already voided by a credit note: SUNAT's verdict is kept on the timeline, the status stays.
            event(d, d.getStatus(), d.getStatus(), note);
        }
        return d.getStatus();
    }

    /** No verdict this time (exception 0100–1999, network, unreadable answer): back to PENDING for a retry. */
    public void recordRetry(long documentId, int attempt, String code, String description) {
        BillingDocument d = em.find(BillingDocument.class, documentId);
        em.persist(new SunatResponse(documentId, Instant.now(), attempt, "RETRY", code, description, null, null,
                null));
        if (d.getStatus() == DocumentStatus.SENT) {
            DocumentStatus from = d.moveTo(DocumentStatus.PENDING);
            event(d, from, DocumentStatus.PENDING, "Not registered, will be sent again: " + description);
        }
    }

    public void recordRetry(long documentId, int attempt, SunatRetryableException e) {
        recordRetry(documentId, attempt, e.code().orElse(null), SunatVerdicts.describe(e));
    }

    private boolean answered(long documentId) {
        return !em.createQuery("select r.id from SunatResponse r where r.documentId = :d and r.outcome <> 'RETRY'",
                Long.class).setParameter("d", documentId).setMaxResults(1).getResultList().isEmpty();
    }

    private void event(BillingDocument d, DocumentStatus from, DocumentStatus to, String notes) {
        em.persist(new DocumentEvent(d.getId(), Instant.now(), TenantContext.actorName(), from, to, notes));
    }
}
