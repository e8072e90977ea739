package io.cuadra.billing.application;

import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.domain.SunatResponse;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Caller;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.outbox.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading documents as the caller may see them: their tenant only, and only the locations they work at
 * (anything else is simply not found).
 */
@Stateless
public class BillingQueries {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @EJB
    Outbox outbox;

    public Page<BillingDocument> list(DocumentFilter filter, boolean creditNotes, int page, int size) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new java.util.HashMap<>();
        conditions(filter, creditNotes, where, params);
        TypedQuery<BillingDocument> q = em.createQuery("select d from BillingDocument d where " + where
                + " order by d.issuedAt desc, d.id desc", BillingDocument.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from BillingDocument d where " + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<BillingDocument> items = q.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, count.getSingleResult(), page, size);
    }

    /** How many documents of each status the filter (status aside) finds: the list page's counters. */
    public Map<DocumentStatus, Long> countByStatus(DocumentFilter filter, boolean creditNotes) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new java.util.HashMap<>();
        conditions(filter.withStatus(null), creditNotes, where, params);
        TypedQuery<Object[]> q = em.createQuery("select d.status, count(d) from BillingDocument d where " + where
                + " group by d.status", Object[].class);
        params.forEach(q::setParameter);
        Map<DocumentStatus, Long> counts = new EnumMap<>(DocumentStatus.class);
        for (DocumentStatus s : DocumentStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : q.getResultList()) {
            counts.put((DocumentStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private void conditions(DocumentFilter f, boolean creditNotes, StringBuilder where, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add(creditNotes ? "d.original is not null" : "d.original is null");
        Caller caller = CurrentCaller.require();
        if (f.locationId() != null) {
            locations.find(f.locationId());
            and.add("d.locationId = :location");
            params.put("location", f.locationId());
        } else if (!caller.allLocations()) {
            and.add("d.locationId in :locations");
            params.put("locations", caller.locationIds().isEmpty() ? List.of(-1L) : List.copyOf(caller.locationIds()));
        }
        if (f.kind() != null) {
            and.add("d.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.status() != null) {
            and.add("d.status = :status");
            params.put("status", f.status());
        }
        if (f.from() != null) {
            and.add("d.issueDate >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            and.add("d.issueDate <= :to");
            params.put("to", f.to());
        }
        if (f.customerId() != null) {
            and.add("d.customerId = :customer");
            params.put("customer", f.customerId());
        }
        where.append(String.join(" and ", and));
    }

    /** A document the caller may see, or 404. */
    public BillingDocument find(long id) {
        BillingDocument d = em.find(BillingDocument.class, id);
        if (d == null || !CurrentCaller.require().worksAt(d.getLocationId())) {
            throw new NotFound("No billing document " + id + ".").withKey("billing.billingDocument", id);
        }
        return d;
    }

    /** A document of the caller's locations as billing publishes it (number, kind, total, customer, order). */
    public BillingDocumentFinal published(long id) {
        return BillingEvents.finalOf(find(id), TenantContext.require().tenantId());
    }

    public BillingDocument findInvoice(long id) {
        BillingDocument d = find(id);
        if (d.getKind().isCreditNote()) {
            throw new NotFound("No invoice " + id + ".").withKey("billing.invoice", id);
        }
        return d;
    }

    public BillingDocument findCreditNote(long id) {
        BillingDocument d = find(id);
        if (!d.getKind().isCreditNote()) {
            throw new NotFound("No credit note " + id + ".").withKey("billing.creditNote", id);
        }
        return d;
    }

    /** The invoices of an order, newest first (a rejected one is followed by its replacement). */
    public List<BillingDocument> byOrder(long orderId) {
        Caller caller = CurrentCaller.require();
        List<BillingDocument> found = em.createQuery("select d from BillingDocument d where d.orderId = :o"
                        + " and d.original is null order by d.id desc", BillingDocument.class)
                .setParameter("o", orderId).getResultList().stream()
                .filter(d -> caller.worksAt(d.getLocationId())).toList();
        if (found.isEmpty()) {
            throw new NotFound("Order " + orderId + " has no invoice.").withKey("billing.orderInvoice", orderId);
        }
        return found;
    }

    /**
     * A document with what its page shows — the credit notes of an invoice, its timeline, SUNAT's answers — read
     * by one call in one transaction: the read model of the document GETs.
     */
    public record DocumentRead(BillingDocument document, List<BillingDocument> creditNotes, List<DocumentEvent> timeline,
                               List<SunatResponse> responses) {
    }

    public DocumentRead readInvoice(long id) {
        return read(findInvoice(id));
    }

    public DocumentRead readCreditNote(long id) {
        return read(findCreditNote(id));
    }

    /** The order's latest invoice (a rejected one is followed by its replacement). */
    public DocumentRead readInvoiceOfOrder(long orderId) {
        return read(byOrder(orderId).get(0));
    }

    /** A document the caller may see, invoice or credit note (after a write: as committed). */
    public DocumentRead read(long id) {
        return read(find(id));
    }

    private DocumentRead read(BillingDocument d) {
        return new DocumentRead(d, d.getKind().isCreditNote() ? List.of() : creditNotesOf(d), timeline(d), responses(d));
    }

    public List<BillingDocument> creditNotesOf(BillingDocument original) {
        return em.createQuery("select d from BillingDocument d where d.original = :o order by d.id",
                BillingDocument.class).setParameter("o", original).getResultList();
    }

    public List<DocumentEvent> timeline(BillingDocument d) {
        return em.createQuery("select e from DocumentEvent e where e.documentId = :d order by e.at, e.id",
                DocumentEvent.class).setParameter("d", d.getId()).getResultList();
    }

    public List<SunatResponse> responses(BillingDocument d) {
        return em.createQuery("select r from SunatResponse r where r.documentId = :d order by r.at, r.id",
                SunatResponse.class).setParameter("d", d.getId()).getResultList();
    }

    /** SUNAT's last CDR for the document, as received. */
    public Optional<SunatResponse> lastCdr(BillingDocument d) {
        return em.createQuery("select r from SunatResponse r where r.documentId = :d and r.cdrXml is not null"
                + " order by r.at desc, r.id desc", SunatResponse.class).setParameter("d", d.getId())
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Sends a document again now: only while SUNAT has not decided (PENDING or SENT, e.g. after the retries
     * were given up). A rejected document keeps its number: the fix is a new document.
     */
    public BillingDocument resend(long id) {
        BillingDocument d = find(id);
        if (!d.getKind().isSunat()) {
            throw new Conflict(d.getDisplayNumber() + " is not sent to any tax authority.").withKey("billing.sentTaxAuthority", d.getDisplayNumber());
        }
        if (!d.getStatus().awaitingSunat()) {
            throw new Conflict(d.getDisplayNumber() + " is " + d.getStatus() + ": SUNAT has already decided.").withKey("billing.sunatAlreadyDecided", d.getDisplayNumber(), d.getStatus());
        }
        outbox.retryNow(BillingIssuer.SEND_TOPIC, d.getId());
        return d;
    }

    public static boolean isInvoiceKind(BillingDocumentKind kind) {
        return !kind.isCreditNote();
    }
}
