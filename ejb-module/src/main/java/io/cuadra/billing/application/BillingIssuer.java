package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.billing.infrastructure.signature.SignedDocument;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import io.cuadra.customers.domain.DocumentType;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.application.OrderSnapshots;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderReturned;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.reconciliation.application.ClosedDays;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.outbox.Outbox;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Issues billing documents inside the transaction that asks for them: the invoice of an order that
 * became fully paid (or of a credit sale, on an accountant's request) and the credit notes that correct
 * an invoice. Each document takes its number from the series counter row, is built as an immutable
 * snapshot, signed (SUNAT), stored with its first timeline row, and queued in the outbox; SUNAT hears
 * about it only after the transaction commits.
 */
@Stateless
public class BillingIssuer {

    /** Outbox topic of documents waiting to be sent to SUNAT. */
    public static final String SEND_TOPIC = "billing.sunat.send";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    SeriesNumbers numbers;

    @EJB
    Outbox outbox;

    @EJB
    CompanyService companies;

    @EJB
    ClosedDays closedDays;

    @EJB
    OrderSnapshots snapshots;

    @Inject
    SigningKeys keys;

    @Inject
    Event<BillingDocumentFinal> finalised;

    /** The order is fully paid: its invoice, paid cash (Contado), unless it was already invoiced on credit. */
    public void onOrderPaid(@Observes OrderPaid event) {
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
                    + " before taking goods back.");
        }
        BillingDocument invoice = em.find(BillingDocument.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        if (!invoice.getStatus().creditable()) {
            throw new Conflict(invoice.getDisplayNumber() + " is " + invoice.getStatus() + ": it cannot be credited.");
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
            throw new NotFound("No order " + orderId + ".");
        }
        Currency currency = Currency.getInstance(order.currency());
        List<PaymentTerms.Instalment> instalments = new ArrayList<>();
        try {
            for (Due due : dues) {
                instalments.add(new PaymentTerms.Instalment(Money.of(due.amount(), currency), due.dueDate()));
            }
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage());
        }
        return issueOnCredit(order, instalments);
    }

    /** One instalment as asked for, in the order's currency. */
    public record Due(BigDecimal amount, LocalDate dueDate) {
    }

    /** The invoice of a sale on credit (Credito, with its instalments), before the order is paid. */
    public BillingDocument issueOnCredit(OrderSnapshot order, List<PaymentTerms.Instalment> instalments) {
        if (invoiceOf(order.orderId()).isPresent()) {
            throw new Conflict("Order " + order.number() + " is already invoiced.");
        }
        if (order.paidAt() != null) {
            throw new RuleViolation("Order " + order.number() + " is paid: its invoice is issued with the payment.");
        }
        try {
            return issueInvoice(order, PaymentTerms.credit(instalments));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage());
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
            throw new NotFound("No order " + orderId + ".");
        }
        // Locked: two clerks replacing the same rejected invoice at once issue one replacement, not two.
        List<BillingDocument> documents = em.createQuery("select d from BillingDocument d where d.orderId = :o"
                        + " order by d.id", BillingDocument.class)
                .setParameter("o", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (documents.isEmpty()) {
            throw new Conflict("Order " + order.number() + " has no rejected invoice to replace.");
        }
        List<BillingDocument> valid = documents.stream().filter(d -> d.getStatus() != DocumentStatus.REJECTED)
                .toList();
        if (!valid.isEmpty()) {
            throw new Conflict("Order " + order.number() + " already has " + valid.get(0).getDisplayNumber() + " ("
                    + valid.get(0).getStatus() + "): only an order whose documents were all rejected is invoiced"
                    + " again.");
        }
        if (order.paidAt() == null) {
            throw new RuleViolation("Order " + order.number() + " is not paid: a credit sale is invoiced with"
                    + " POST /api/billing/invoices, a cash sale when it is paid.");
        }
        Order current = em.find(Order.class, orderId);
        if (current != null && current.getStatus() == OrderStatus.CANCELLED) {
            throw new Conflict("Order " + order.number() + " is cancelled: there is no sale left to invoice.");
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
            throw new NotFound("No invoice " + originalId + ".");
        }
        if (original.getKind().isCreditNote()) {
            throw new RuleViolation("A credit note corrects an invoice, not another credit note.");
        }
        if (!original.getStatus().creditable()) {
            throw new Conflict(original.getDisplayNumber() + " is " + original.getStatus()
                    + ": it cannot be credited (a rejected number is fixed with a new document).");
        }
        if (reason == CreditNoteReason.PAYMENT_ADJUSTMENT) {
            throw new RuleViolation("Credit notes for payment adjustments (13) are not issued here.");
        }
        boolean whole = reason == CreditNoteReason.CANCELLATION || reason == CreditNoteReason.CANCELLATION_WRONG_RUC
                || reason == CreditNoteReason.FULL_RETURN;
        if (!whole && (requests == null || requests.isEmpty())) {
            throw new RuleViolation("Name the lines to credit: a quantity to return or an amount to discount.");
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
        Company company = companies.current();
        Location location = em.find(Location.class, order.locationId());
        if (location == null) {
            throw new NotFound("No location " + order.locationId() + ".");
        }
        io.cuadra.customers.domain.Customer customer = order.customerId() == null ? null
                : em.find(io.cuadra.customers.domain.Customer.class, order.customerId());
        Currency currency = Currency.getInstance(order.currency());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A document belongs to its location's day of issue: none is added to a day already closed.
        closedDays.requireOpen(location, List.of(now.atZone(location.zone()).toLocalDate()),
                "an invoice of order " + order.number());
        try {
            if (company.isPeruvian()) {
                return issueSunatInvoice(order, terms, company, location, customer, currency, now);
            }
            if ("FR".equals(company.getCountry())) {
                return issueFrenchInvoice(order, terms, company, location, customer, currency, now);
            }
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("Order " + order.number() + " cannot be invoiced: " + e.getMessage());
        }
        throw new RuleViolation("Invoices for companies in " + company.getCountry() + " are not supported.");
    }

    private BillingDocument issueSunatInvoice(OrderSnapshot order, PaymentTerms terms, Company company,
                                              Location location, io.cuadra.customers.domain.Customer customer,
                                              Currency currency, Instant now) {
        Customer buyer = customer == null ? Customer.anonymous()
                : new Customer(customer.getDocumentType(), customer.getDocumentNumber(), customer.displayName(),
                customer.getAddress());
        BillingDocumentKind kind = buyer.documentType() == DocumentType.RUC ? BillingDocumentKind.FACTURA
                : BillingDocumentKind.BOLETA;
        String series = kind == BillingDocumentKind.FACTURA ? location.getInvoiceSeries() : location.getReceiptSeries();
        if (series == null) {
            throw new RuleViolation("Location " + location.getCode() + " has no series for "
                    + (kind == BillingDocumentKind.FACTURA ? "facturas" : "boletas") + ": set it in its settings.");
        }
        List<DocumentLine> lines = sunatLines(order, currency);
        List<Long> items = order.lines().stream().map(OrderSnapshot.Line::itemId).toList();
        Issuer issuer = sunatIssuer(company, location);
        ZoneId zone = location.zone();
        long number = numbers.next(location.getId(), series);
        ZonedDateTime local = now.atZone(zone);
        ElectronicDocument doc = ElectronicDocument.builder()
                .kind(kind.sunatKind())
                .number(DocumentNumber.of(series, number))
                .issuedAt(local.toLocalDate(), local.toLocalTime())
                .currency(currency)
                .issuer(issuer)
                .customer(buyer)
                .lines(lines)
                .paymentTerms(terms)
                .build();
        BillingDocument d = new BillingDocument(kind, location.getId(), series, number, now, zone, currency);
        d.forOrder(order.orderId(), order.customerId());
        fill(d, doc);
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, items.get(i), lines.get(i)));
        }
        d.payable(terms, terms instanceof PaymentTerms.Credit credit
                ? credit.instalments().get(credit.instalments().size() - 1).dueDate() : doc.issueDate(), null);
        return store(d, doc, "Issued for order " + order.number() + " (" + terms.sunatLabel() + ")");
    }

    /** The order's lines as SUNAT lines, with the amounts the orders component computed. */
    static List<DocumentLine> sunatLines(OrderSnapshot order, Currency currency) {
        List<DocumentLine> lines = new ArrayList<>();
        for (OrderSnapshot.Line l : order.lines()) {
            IgvAffectation affectation = IgvAffectation.bySunatCode(l.affectationCode()).orElseThrow(() ->
                    new RuleViolation("Line " + l.number() + ": IGV affectation " + l.affectationCode()
                            + " is not invoiced (only 10, 20 and 30)."));
            Money base = Money.of(l.base(), currency);
            // The unit value is before discounts: what separates quantity x unit value from the base is the
            // line's discount without tax (its own and its share of the order's), sent as its allowance.
            Money discount = l.discountTotal() == null || l.discountTotal().signum() == 0 ? Money.zero(currency)
                    : Money.of(l.quantity().multiply(l.unitValue()), currency).minus(base);
            lines.add(new DocumentLine(l.itemCode(), l.itemName(), l.unitCode(), l.quantity(), l.unitValue(),
                    l.unitPrice(), base, affectation, affectation.isTaxed() ? l.taxPercent() : BigDecimal.ZERO,
                    Money.of(l.tax(), currency), discount));
        }
        return lines;
    }

    private static Issuer sunatIssuer(Company company, Location location) {
        if (company.getUbigeo() == null || company.getDistrict() == null || company.getProvince() == null
                || company.getDepartment() == null) {
            throw new RuleViolation("The company's fiscal address is incomplete (ubigeo, district, province,"
                    + " department): SUNAT documents cannot be issued.");
        }
        return new Issuer(company.getTaxId(), company.getLegalName(), company.getTradeName(),
                location.getSunatEstablishment(), FiscalAddress.peru(company.getUbigeo(), company.getFiscalAddress(),
                company.getDistrict(), company.getProvince(), company.getDepartment()));
    }

    static void fill(BillingDocument d, ElectronicDocument doc) {
        Issuer issuer = doc.issuer();
        FiscalAddress a = issuer.address();
        d.issuedBy(a.countryCode(), issuer.ruc(), issuer.legalName(), issuer.tradeName(), issuer.establishmentCode(),
                a.addressLine(), a.ubigeo(), a.district(), a.province(), a.department());
        Customer c = doc.customer();
        d.issuedTo(c.documentType(), c.documentNumber(), c.name(), c.address(), c.documentType() == DocumentType.RUC);
        d.totals(doc.totals(), doc.amountInWords());
    }

    /** Signs, stores, writes the first timeline row and queues the document for SUNAT. */
    private BillingDocument store(BillingDocument d, ElectronicDocument doc, String notes) {
        SignedDocument signed = keys.signer().sign(new SunatUblWriter().write(doc));
        d.signed(signed.xml(), signed.hash());
        em.persist(d);
        em.flush();
        em.persist(new DocumentEvent(d.getId(), d.getIssuedAt(), TenantContext.actorName(), null, d.getStatus(),
                notes));
        outbox.enqueue(SEND_TOPIC, d.getId());
        return d;
    }

    private BillingDocument issueFrenchInvoice(OrderSnapshot order, PaymentTerms terms, Company company,
                                               Location location, io.cuadra.customers.domain.Customer customer,
                                               Currency currency, Instant now) {
        BillingProfile profile = profile();
        String series = location.getInvoiceSeries() != null ? location.getInvoiceSeries() : "FA";
        ZoneId zone = location.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<DocumentLine> lines = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        for (OrderSnapshot.Line l : order.lines()) {
            lines.add(frenchLine(l.itemCode(), l.itemName(), l.unitCode(), l.quantity(),
                    DocumentSnapshots.unitPriceExclTax(l.base(), l.quantity()), l.taxPercent(), currency));
            items.add(l.itemId());
        }
        boolean business = customer != null && customer.getBusinessName() != null;
        String name = customer == null ? "Client comptoir" : customer.displayName();
        String address = customer == null || customer.getAddress() == null ? "Adresse non communiquée"
                : customer.getAddress();
        LocalDate due = terms instanceof PaymentTerms.Credit credit
                ? credit.instalments().get(credit.instalments().size() - 1).dueDate() : today;
        String termsText = terms instanceof PaymentTerms.Credit
                ? (profile.getPaymentTermsText() != null ? profile.getPaymentTermsText()
                : "Paiement à réception de facture, au plus tard le " + due.format(FRENCH_DATE))
                : "Payée comptant le " + today.format(FRENCH_DATE);
        long number = numbers.next(location.getId(), series);
        BillingDocument d = new BillingDocument(BillingDocumentKind.FACTURE, location.getId(), series, number, now,
                zone, currency);
        d.forOrder(order.orderId(), order.customerId());
        d.issuedBy(company.getCountry(), company.getTaxId(), company.getLegalName(), company.getTradeName(), null,
                company.getFiscalAddress(), null, null, null, null);
        d.frenchSeller(profile.getLegalForm(), profile.getShareCapital(), profile.getSiret(), profile.getRcsCity(),
                profile.getVatNumber());
        d.issuedTo(customer == null ? DocumentType.NONE : customer.getDocumentType(),
                customer == null ? "-" : customer.getDocumentNumber(), name, address, business);
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, items.get(i), lines.get(i)));
        }
        d.payable(terms, due, termsText);
        d.vatExemption(profile.getVatExemptionMention());
        return storeFrench(d, "Issued for order " + order.number());
    }

    /** A French line: value = unit price without VAT x quantity; VAT on it; 0 % lines are exempt (code 20). */
    static DocumentLine frenchLine(String code, String description, String unitCode, BigDecimal quantity,
                                   BigDecimal unitPriceExclTax, BigDecimal vatRate, Currency currency) {
        Money value = Money.of(quantity.multiply(unitPriceExclTax), currency);
        boolean taxed = vatRate.signum() > 0;
        Money tax = taxed ? value.times(vatRate.movePointLeft(2)) : Money.zero(currency);
        BigDecimal priceWithTax = value.plus(tax).amount().divide(quantity, DocumentLine.UNIT_SCALE,
                RoundingMode.HALF_UP);
        return new DocumentLine(code, description, unitCode == null ? "NIU" : unitCode, quantity, unitPriceExclTax,
                priceWithTax, value, taxed ? IgvAffectation.TAXED : IgvAffectation.EXONERATED,
                taxed ? vatRate : BigDecimal.ZERO, tax);
    }

    private BillingDocument storeFrench(BillingDocument d, String notes) {
        FrenchInvoice invoice = DocumentSnapshots.french(d);
        d.totals(invoice.totalExclTax(), invoice.totalVat(), invoice.totalInclTax(), null);
        em.persist(d);
        em.flush();
        em.persist(new DocumentEvent(d.getId(), d.getIssuedAt(), TenantContext.actorName(), null, d.getStatus(),
                notes));
        // No authority accepts a French facture: it is final, for its customer too, once issued.
        finalised.fire(BillingEvents.finalOf(d, TenantContext.require().tenantId()));
        return d;
    }

    private BillingProfile profile() {
        BillingProfile profile = em.createQuery("select p from BillingProfile p", BillingProfile.class)
                .getResultStream().findFirst().orElse(null);
        if (profile == null || profile.getLegalForm() == null || profile.getShareCapital() == null
                || profile.getSiret() == null || profile.getRcsCity() == null || profile.getVatNumber() == null) {
            throw new RuleViolation("French invoices need the billing profile: legal form, share capital, SIRET,"
                    + " RCS city and VAT number.");
        }
        return profile;
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
            throw new RuleViolation(original.getDisplayNumber() + ": " + e.getMessage());
        }
        Location location = em.find(Location.class, original.getLocationId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        closedDays.requireOpen(location, List.of(now.atZone(location.zone()).toLocalDate()),
                "a credit note of " + original.getDisplayNumber());
        BillingDocument note;
        try {
            note = original.getKind().isSunat()
                    ? sunatCreditNote(original, reason, description, cutLines, location, now)
                    : frenchCreditNote(original, reason, description, cutLines, location, now);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The credit note of " + original.getDisplayNumber() + " cannot be issued: "
                    + e.getMessage());
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

    private BillingDocument sunatCreditNote(BillingDocument original, CreditNoteReason reason, String description,
                                            List<CreditAllowance.CreditLine> cut, Location location, Instant now) {
        String series = original.getKind() == BillingDocumentKind.FACTURA ? location.getInvoiceCreditSeries()
                : location.getReceiptCreditSeries();
        if (series == null) {
            throw new RuleViolation("Location " + location.getCode() + " has no credit-note series for "
                    + (original.getKind() == BillingDocumentKind.FACTURA ? "facturas" : "boletas") + ".");
        }
        List<DocumentLine> lines = cut.stream().map(CreditAllowance.CreditLine::toDocumentLine).toList();
        ZoneId zone = location.zone();
        long number = numbers.next(location.getId(), series);
        ZonedDateTime local = now.atZone(zone);
        ElectronicDocument doc = ElectronicDocument.builder()
                .kind(BillingDocumentKind.CREDIT_NOTE.sunatKind())
                .number(DocumentNumber.of(series, number))
                .issuedAt(local.toLocalDate(), local.toLocalTime())
                .currency(original.currencyUnit())
                .issuer(sunatIssuer(companies.current(), location))
                .customer(DocumentSnapshots.customer(original))
                .lines(lines)
                .creditNote(new CreditNoteReference(original.getKind().sunatKind(),
                        DocumentNumber.of(original.getSeries(), original.getNumber()), reason, description))
                .build();
        BillingDocument d = new BillingDocument(BillingDocumentKind.CREDIT_NOTE, location.getId(), series, number,
                now, zone, original.currencyUnit());
        d.forOrder(original.getOrderId(), original.getCustomerId());
        fill(d, doc);
        d.corrects(original, reason.sunatCode(), doc.creditNote().reasonDescription());
        addCreditLines(d, cut, lines);
        return store(d, doc, "Credit note of " + original.getDisplayNumber() + " (" + reason.sunatCode() + " "
                + reason.label() + ")");
    }

    private BillingDocument frenchCreditNote(BillingDocument original, CreditNoteReason reason, String description,
                                             List<CreditAllowance.CreditLine> cut, Location location, Instant now) {
        BillingProfile profile = profile();
        String series = location.getInvoiceCreditSeries() != null ? location.getInvoiceCreditSeries() : "AV";
        List<DocumentLine> lines = new ArrayList<>();
        for (CreditAllowance.CreditLine c : cut) {
            lines.add(frenchLine(c.code(), c.description(), c.unitCode(), c.quantity(),
                    DocumentSnapshots.unitPriceExclTax(c.value().amount(), c.quantity()), c.taxPercent(),
                    original.currencyUnit()));
        }
        long number = numbers.next(location.getId(), series);
        BillingDocument d = new BillingDocument(BillingDocumentKind.AVOIR, location.getId(), series, number, now,
                location.zone(), original.currencyUnit());
        d.forOrder(original.getOrderId(), original.getCustomerId());
        d.issuedBy(original.getIssuerCountry(), original.getIssuerTaxId(), original.getIssuerLegalName(),
                original.getIssuerTradeName(), null, original.getIssuerAddress(), null, null, null, null);
        d.frenchSeller(profile.getLegalForm(), profile.getShareCapital(), profile.getSiret(), profile.getRcsCity(),
                profile.getVatNumber());
        d.issuedTo(DocumentType.bySunatCode(original.getCustomerDocType()).orElse(DocumentType.NONE),
                original.getCustomerDocNumber(), original.getCustomerName(), original.getCustomerAddress(),
                original.isCustomerBusiness());
        d.corrects(original, reason.sunatCode(), description);
        addCreditLines(d, cut, lines);
        LocalDate today = now.atZone(location.zone()).toLocalDate();
        d.payable(null, today, "Avoir remboursé ou imputé le " + today.format(FRENCH_DATE));
        d.vatExemption(original.getVatExemptionMention());
        return storeFrench(d, "Avoir of " + original.getDisplayNumber() + " (" + description + ")");
    }

    private static void addCreditLines(BillingDocument d, List<CreditAllowance.CreditLine> cut,
                                       List<DocumentLine> lines) {
        for (int i = 0; i < cut.size(); i++) {
            CreditAllowance.CreditLine c = cut.get(i);
            d.addLine(new BillingDocumentLine(i + 1, null, lines.get(i))
                    .crediting(c.originalLineNo(), c.returnedQuantity()));
        }
    }
}
