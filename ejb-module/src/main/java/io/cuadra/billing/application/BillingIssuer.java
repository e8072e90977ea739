package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.events.DocumentDated;
import io.cuadra.customers.application.CustomerSnapshot;
import io.cuadra.customers.application.CustomerSnapshots;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.application.OrderSnapshots;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderReturned;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Issues billing documents inside the transaction that asks for them: the invoice (or receipt) of an order
 * that became fully paid (or of a credit sale, on an accountant's request) and the credit notes that correct
 * one. This class decides when a document is due and what may still be credited; what is issued is the
 * business of the tenant's {@link FiscalRegimePolicy} (SUNAT, French, internal receipt). It reads orders and
 * customers only through the snapshots they publish, and asks nobody whether the day is open: it fires
 * {@link DocumentDated}, which reconciliation observes and refuses for a closed day.
 */
@Stateless
public class BillingIssuer {

    /** Outbox topic of documents waiting to be sent to SUNAT. */
    public static final String SEND_TOPIC = "billing.sunat.send";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    CompanyService companies;

    @EJB
    BillingProfileService profiles;

    @EJB
    OrderSnapshots snapshots;

    @EJB
    CustomerSnapshots customers;

    @Inject
    Event<DocumentDated> dated;

    @Inject
    @Any
    Instance<FiscalRegimePolicy> policies;

    /** The order is fully paid: its invoice, paid cash (Contado), unless it was already invoiced on credit. */
    public void onOrderPaid(@Observes @Priority(OrderPaid.BILLING) OrderPaid event) {
        if (invoiceOf(event.order().orderId()).isEmpty()) {
            issueInvoice(event.order(), PaymentTerms.cash());
        }
    }

    /** The order is cancelled: its invoice, if any and not yet credited, is voided by a full credit note. */
    public void onOrderCancelled(@Observes OrderCancelled event) {
        Optional<BillingDocument> found = invoiceOf(event.order().orderId());
        if (found.isEmpty()) {
            return;
        }
        BillingDocument invoice = em.find(BillingDocument.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (!invoice.getStatus().creditable() || invoice.fullyCredited()) {
            return;
        }
        String reason = event.reason() == null || event.reason().isBlank()
                ? CreditNoteReason.CANCELLATION.label() : event.reason();
        issueCreditNote(invoice, CreditNoteReason.CANCELLATION, reason, CreditAllowance::everything);
    }

    /**
     * Goods of a paid sale came back: its invoice is credited for those lines and quantities (SUNAT
     * catalog 09 code 07, "Devolución por ítem"; a French avoir), in today's day. A sale that was never
     * invoiced cannot be credited, so the return is refused.
     */
    public void onOrderReturned(@Observes OrderReturned event) {
        Optional<BillingDocument> found = invoiceOf(event.order().orderId());
        if (found.isEmpty()) {
            throw new Conflict("Order " + event.order().number() + " has no invoice or receipt to credit: issue it"
                    + " before taking goods back.").withKey("billing.orderInvoiceReceipt", event.order().number());
        }
        BillingDocument invoice = em.find(BillingDocument.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (!invoice.getStatus().creditable()) {
            throw new Conflict(invoice.getDisplayNumber() + " is " + invoice.getStatus() + ": it cannot be credited.").withKey("billing.cannotCredited", invoice.getDisplayNumber(), invoice.getStatus());
        }
        issueCreditNote(invoice, CreditNoteReason.ITEM_RETURN, event.reason(), allowance -> event.lines().stream()
                .map(l -> allowance.returnOf(l.lineNumber(), l.quantity())).toList());
    }

    /**
     * An accountant invoices a sale on credit (Credito, with its instalments) before the order is paid; the
     * payment that completes it later issues nothing more.
     */
    public BillingDocument issueOnCredit(long orderId, List<Due> dues) {
        OrderSnapshot order = snapshots.of(orderId);
        if (CurrentCaller.get().map(c -> !c.worksAt(order.locationId())).orElse(false)) {
            throw new NotFound("No order " + orderId + ".").withKey("orders.order", orderId);
        }
        Currency currency = Currency.getInstance(order.currency());
        List<PaymentTerms.Instalment> instalments = new ArrayList<>();
        try {
            for (Due due : dues) {
                instalments.add(new PaymentTerms.Instalment(Money.of(due.amount(), currency), due.dueDate()));
            }
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage()).withKey("billing.instalmentsInvalid");
        }
        return issueOnCredit(order, instalments);
    }

    /** One instalment as asked for, in the order's currency. */
    public record Due(BigDecimal amount, LocalDate dueDate) {
    }

    /** The invoice of a sale on credit (Credito, with its instalments), before the order is paid. */
    public BillingDocument issueOnCredit(OrderSnapshot order, List<PaymentTerms.Instalment> instalments) {
        if (invoiceOf(order.orderId()).isPresent()) {
            throw new Conflict("Order " + order.number() + " is already invoiced.").withKey("billing.orderAlreadyInvoiced", order.number());
        }
        if (order.paidAt() != null) {
            throw new RuleViolation("Order " + order.number() + " is paid: its invoice is issued with the payment.").withKey("billing.orderPaidInvoice", order.number());
        }
        try {
            return issueInvoice(order, PaymentTerms.credit(instalments));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage()).withKey("billing.instalmentsInvalid");
        }
    }

    /**
     * A new invoice for a paid order whose invoice SUNAT rejected (2000-3999): the rejected number stays
     * spent (SUNAT would answer 1032 to it again), so the fix is a new document with the next number of the
     * series, built from the order as it stands. Allowed only while every document of the order is REJECTED.
     */
    public BillingDocument reissue(long orderId) {
        OrderSnapshot order = snapshots.of(orderId);
        if (CurrentCaller.get().map(c -> !c.worksAt(order.locationId())).orElse(false)) {
            throw new NotFound("No order " + orderId + ".").withKey("orders.order", orderId);
        }
        // Locked: two clerks replacing the same rejected invoice at once issue one replacement, not two.
        List<BillingDocument> documents = em.createQuery("select d from BillingDocument d where d.orderId = :o"
                        + " order by d.id", BillingDocument.class)
                .setParameter("o", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (documents.isEmpty()) {
            throw new Conflict("Order " + order.number() + " has no rejected invoice to replace.").withKey("billing.orderRejectedInvoice", order.number());
        }
        List<BillingDocument> valid = documents.stream().filter(d -> d.getStatus() != DocumentStatus.REJECTED)
                .toList();
        if (!valid.isEmpty()) {
            throw new Conflict("Order " + order.number() + " already has " + valid.get(0).getDisplayNumber() + " ("
                    + valid.get(0).getStatus() + "): only an order whose documents were all rejected is invoiced"
                    + " again.").withKey("billing.orderAlreadyOnly", order.number(), valid.get(0).getDisplayNumber(), valid.get(0).getStatus());
        }
        if (order.paidAt() == null) {
            throw new RuleViolation("Order " + order.number() + " is not paid: a credit sale is invoiced with"
                    + " POST /api/billing/invoices, a cash sale when it is paid.").withKey("billing.orderPaidCredit", order.number());
        }
        if ("CANCELLED".equals(snapshots.status(orderId))) {
            throw new Conflict("Order " + order.number() + " is cancelled: there is no sale left to invoice.").withKey("billing.orderCancelledSale", order.number());
        }
        BillingDocument rejected = documents.get(documents.size() - 1);
        BillingDocument replacement = issueInvoice(order, PaymentTerms.cash());
        Instant now = replacement.getIssuedAt();
        em.persist(new DocumentEvent(rejected.getId(), now, TenantContext.actorName(), DocumentStatus.REJECTED,
                DocumentStatus.REJECTED, "Replaced by " + replacement.getDisplayNumber()));
        em.persist(new DocumentEvent(replacement.getId(), now, TenantContext.actorName(), replacement.getStatus(),
                replacement.getStatus(), "Replaces " + rejected.getDisplayNumber() + ", rejected by SUNAT"));
        return replacement;
    }

    /** The invoice of an order that SUNAT did not reject: there is at most one. */
    public Optional<BillingDocument> invoiceOf(long orderId) {
        return em.createQuery("select d from BillingDocument d where d.orderId = :o and d.original is null"
                        + " and d.status <> io.cuadra.billing.domain.DocumentStatus.REJECTED order by d.id",
                        BillingDocument.class)
                .setParameter("o", orderId).getResultStream().findFirst();
    }

    /** The first invoices of the tenant, oldest first (for jobs and the demo, which have no caller). */
    public List<BillingDocument> firstInvoices(int max) {
        return em.createQuery("select d from BillingDocument d where d.original is null order by d.id",
                BillingDocument.class).setMaxResults(max).getResultList();
    }

    /**
     * A credit note of {@code original}: full for reasons that void the operation (01, 02, 06), otherwise
     * the returns ({@code quantity}) and discounts ({@code amount}) given per original line.
     */
    public BillingDocument creditNote(long originalId, CreditNoteReason reason, String description,
                                      List<CreditRequest> requests) {
        // Locked: two credit notes of one document are judged one after the other against what remains.
        BillingDocument original = em.find(BillingDocument.class, originalId, LockModeType.PESSIMISTIC_WRITE);
        if (original == null || CurrentCaller.get().map(c -> !c.worksAt(original.getLocationId())).orElse(false)) {
            throw new NotFound("No invoice " + originalId + ".").withKey("billing.invoice", originalId);
        }
        if (original.getKind().isCreditNote()) {
            throw new RuleViolation("A credit note corrects an invoice, not another credit note.").withKey("billing.creditNoteCorrects");
        }
        if (!original.getStatus().creditable()) {
            throw new Conflict(original.getDisplayNumber() + " is " + original.getStatus()
                    + ": it cannot be credited (a rejected number is fixed with a new document).").withKey("billing.cannotCreditedRejected", original.getDisplayNumber(), original.getStatus());
        }
        if (reason == CreditNoteReason.PAYMENT_ADJUSTMENT) {
            throw new RuleViolation("Credit notes for payment adjustments (13) are not issued here.").withKey("billing.creditNotesPayment");
        }
        boolean whole = reason == CreditNoteReason.CANCELLATION || reason == CreditNoteReason.CANCELLATION_WRONG_RUC
                || reason == CreditNoteReason.FULL_RETURN;
        if (!whole && (requests == null || requests.isEmpty())) {
            throw new RuleViolation("Name the lines to credit: a quantity to return or an amount to discount.").withKey("billing.nameLinesCredit");
        }
        return issueCreditNote(original, reason, description, allowance -> {
            if (whole) {
                return allowance.everything();
            }
            List<CreditAllowance.CreditLine> lines = new ArrayList<>();
            for (CreditRequest r : requests) {
                if (r.quantity() != null) {
                    lines.add(allowance.returnOf(r.lineNumber(), r.quantity()));
                } else if (r.amount() != null) {
                    lines.add(allowance.discountOf(r.lineNumber(), original.money(r.amount())));
                } else {
                    throw new CreditAllowance.CreditRefused("Line " + r.lineNumber()
                            + ": give a quantity to return or an amount to discount.");
                }
            }
            return lines;
        });
    }

    /** One line of a partial credit note: return {@code quantity} units, or discount {@code amount} (with tax). */
    public record CreditRequest(int lineNumber, BigDecimal quantity, BigDecimal amount) {
    }

    private interface LinesToCredit {
        List<CreditAllowance.CreditLine> cut(CreditAllowance allowance);
    }

    // ---------------------------------------------------------------- invoices

    private BillingDocument issueInvoice(OrderSnapshot order, PaymentTerms terms) {
        Location location = em.find(Location.class, order.locationId());
        if (location == null) {
            throw new NotFound("No location " + order.locationId() + ".").withKey("identity.location", order.locationId());
        }
        CustomerSnapshot customer = order.customerId() == null ? null : customers.of(order.customerId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A document belongs to its location's day of issue: none is added to a day already closed.
        dated.fire(new DocumentDated(location.getId(), now, "an invoice of order " + order.number()));
        try {
            return policy(profiles.regime()).issueSale(new FiscalRegimePolicy.Sale(order, customer, terms,
                    companies.current(), location, now));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("Order " + order.number() + " cannot be invoiced: " + e.getMessage())
                    .withKey("billing.orderCannotInvoice", order.number());
        }
    }

    /** The bean of {@code regime}: every regime has one, so no country is refused at payment. */
    FiscalRegimePolicy policy(FiscalRegime regime) {
        for (FiscalRegimePolicy p : policies) {
            if (p.regime() == regime) {
                return p;
            }
        }
        throw new IllegalStateException("No fiscal regime policy for " + regime);
    }

    // ---------------------------------------------------------------- credit notes

    private BillingDocument issueCreditNote(BillingDocument original, CreditNoteReason reason, String description,
                                            LinesToCredit cut) {
        List<BillingDocumentLine> originalLines = original.getLines();
        List<CreditAllowance.OriginalLine> lines = new ArrayList<>();
        for (BillingDocumentLine l : originalLines) {
            lines.add(new CreditAllowance.OriginalLine(l.getLineNo(), l.getCode(), l.getDescription(),
                    l.getUnitCode(), l.getQuantity(), original.money(l.getValueAmount()),
                    original.money(l.getTaxAmount()), IgvAffectation.bySunatCode(l.getAffectationCode()).orElseThrow(),
                    l.getTaxPercent()));
        }
        List<CreditAllowance.CreditedLine> credited = em.createQuery("select l from BillingDocumentLine l"
                        + " where l.document.original = :o"
                        + " and l.document.status <> io.cuadra.billing.domain.DocumentStatus.REJECTED",
                        BillingDocumentLine.class).setParameter("o", original).getResultStream()
                .map(l -> new CreditAllowance.CreditedLine(l.getOriginalLineNo(), l.getReturnedQuantity(),
                        original.money(l.getValueAmount()), original.money(l.getTaxAmount())))
                .toList();
        List<CreditAllowance.CreditLine> cutLines;
        try {
            cutLines = cut.cut(new CreditAllowance(original.currencyUnit(), lines, credited));
        } catch (CreditAllowance.CreditRefused e) {
            throw new RuleViolation(original.getDisplayNumber() + ": " + e.getMessage())
                    .withKey("billing.creditRefused", original.getDisplayNumber());
        }
        Location location = em.find(Location.class, original.getLocationId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        dated.fire(new DocumentDated(location.getId(), now, "a credit note of " + original.getDisplayNumber()));
        BillingDocument note;
        try {
            // A correction follows the regime of what it corrects, even if the tenant has changed regime since.
            note = policy(original.getKind().regime()).issueCorrection(original,
                    new FiscalRegimePolicy.Correction(reason, description, cutLines, location, now));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The credit note of " + original.getDisplayNumber() + " cannot be issued: "
                    + e.getMessage()).withKey("billing.creditNoteRefused", original.getDisplayNumber());
        }
        original.credit(note.money(note.getTotalAmount()));
        if (original.fullyCredited()) {
            DocumentStatus from = original.moveTo(DocumentStatus.CANCELLED);
            em.persist(new DocumentEvent(original.getId(), now, TenantContext.actorName(), from,
                    DocumentStatus.CANCELLED, "Voided by credit note " + note.getDisplayNumber()));
        }
        // Written now, while the actor is known: the audit of the original's change needs it.
        em.flush();
        return note;
    }

    /** The lines of a correction, each pointing at the original line it credits. */
    static void addCreditLines(BillingDocument d, List<CreditAllowance.CreditLine> cut,
                                       List<DocumentLine> lines) {
        for (int i = 0; i < cut.size(); i++) {
            CreditAllowance.CreditLine c = cut.get(i);
            d.addLine(new BillingDocumentLine(i + 1, null, lines.get(i))
                    .crediting(c.originalLineNo(), c.returnedQuantity()));
        }
    }
}
