package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.infrastructure.signature.SignedDocument;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.outbox.Outbox;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Peru: a factura for a buyer with a RUC, a boleta otherwise, and their credit notes (catalog 09); each a
 * signed UBL 2.1 document, stored PENDING and sent to SUNAT from the outbox after the transaction commits.
 */
@ApplicationScoped
public class SunatRegime implements FiscalRegimePolicy {

    @EJB
    SeriesNumbers numbers;

    @EJB
    Outbox outbox;

    @EJB
    CompanyService companies;

    @Inject
    SigningKeys keys;

    @Inject
    IssuedDocuments issued;

    @Override
    public FiscalRegime regime() {
        return FiscalRegime.SUNAT;
    }

    @Override
    public BillingDocument issueSale(Sale sale) {
        OrderSnapshot order = sale.order();
        Location location = sale.location();
        PaymentTerms terms = sale.terms();
        Customer buyer = sale.customer() == null ? Customer.anonymous()
                : new Customer(sale.customer().documentType(), sale.customer().documentNumber(),
                sale.customer().displayName(), sale.customer().address());
        BillingDocumentKind kind = buyer.documentType() == DocumentType.RUC ? BillingDocumentKind.FACTURA
                : BillingDocumentKind.BOLETA;
        String series = kind == BillingDocumentKind.FACTURA ? location.getInvoiceSeries() : location.getReceiptSeries();
        if (series == null) {
            throw new RuleViolation("Location " + location.getCode() + " has no series for "
                    + (kind == BillingDocumentKind.FACTURA ? "facturas" : "boletas") + ": set it in its settings.").withKey("billing.locationSeriesSet", location.getCode(), (kind == BillingDocumentKind.FACTURA ? "facturas" : "boletas"));
        }
        Currency currency = sale.currency();
        List<DocumentLine> lines = sunatLines(order, currency);
        List<Long> items = order.lines().stream().map(OrderSnapshot.Line::itemId).toList();
        Issuer issuer = sunatIssuer(sale.company(), location);
        ZoneId zone = location.zone();
        long number = numbers.next(location.getId(), series);
        ZonedDateTime local = sale.now().atZone(zone);
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
        BillingDocument d = new BillingDocument(kind, location.getId(), series, number, sale.now(), zone, currency);
        d.forOrder(order.orderId(), order.customerId());
        fill(d, doc);
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, items.get(i), lines.get(i)));
        }
        d.payable(terms, terms instanceof PaymentTerms.Credit ? sale.dueDate() : doc.issueDate(), null);
        return store(d, doc, "Issued for order " + order.number() + " (" + terms.sunatLabel() + ")");
    }

    @Override
    public BillingDocument issueCorrection(BillingDocument original, Correction correction) {
        Location location = correction.location();
        String series = original.getKind() == BillingDocumentKind.FACTURA ? location.getInvoiceCreditSeries()
                : location.getReceiptCreditSeries();
        if (series == null) {
            throw new RuleViolation("Location " + location.getCode() + " has no credit-note series for "
                    + (original.getKind() == BillingDocumentKind.FACTURA ? "facturas" : "boletas") + ".").withKey("billing.locationCreditNote", location.getCode(), (original.getKind() == BillingDocumentKind.FACTURA ? "facturas" : "boletas"));
        }
        List<CreditAllowance.CreditLine> cut = correction.lines();
        List<DocumentLine> lines = cut.stream().map(CreditAllowance.CreditLine::toDocumentLine).toList();
        ZoneId zone = location.zone();
        long number = numbers.next(location.getId(), series);
        ZonedDateTime local = correction.now().atZone(zone);
        ElectronicDocument doc = ElectronicDocument.builder()
                .kind(BillingDocumentKind.CREDIT_NOTE.sunatKind())
                .number(DocumentNumber.of(series, number))
                .issuedAt(local.toLocalDate(), local.toLocalTime())
                .currency(original.currencyUnit())
                .issuer(sunatIssuer(companies.current(), location))
                .customer(DocumentSnapshots.customer(original))
                .lines(lines)
                .creditNote(new CreditNoteReference(original.getKind().sunatKind(),
                        DocumentNumber.of(original.getSeries(), original.getNumber()), correction.reason(),
                        correction.description()))
                .build();
        BillingDocument d = new BillingDocument(BillingDocumentKind.CREDIT_NOTE, location.getId(), series, number,
                correction.now(), zone, original.currencyUnit());
        d.forOrder(original.getOrderId(), original.getCustomerId());
        fill(d, doc);
        d.corrects(original, correction.reason().sunatCode(), doc.creditNote().reasonDescription());
        BillingIssuer.addCreditLines(d, cut, lines);
        return store(d, doc, "Credit note of " + original.getDisplayNumber() + " (" + correction.reason().sunatCode()
                + " " + correction.reason().label() + ")");
    }

    /** The order's lines as SUNAT lines, with the amounts the orders component computed. */
    static List<DocumentLine> sunatLines(OrderSnapshot order, Currency currency) {
        List<DocumentLine> lines = new ArrayList<>();
        for (OrderSnapshot.Line l : order.lines()) {
            IgvAffectation affectation = IgvAffectation.bySunatCode(l.affectationCode()).orElseThrow(() ->
                    new RuleViolation("Line " + l.number() + ": IGV affectation " + l.affectationCode()
                            + " is not invoiced (only 10, 20 and 30).").withKey("billing.lineIgvAffectation", l.number(), l.affectationCode()));
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
                    + " department): SUNAT documents cannot be issued.").withKey("billing.companySFiscal");
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
        issued.store(d, notes);
        outbox.enqueue(BillingIssuer.SEND_TOPIC, d.getId());
        return d;
    }
}
