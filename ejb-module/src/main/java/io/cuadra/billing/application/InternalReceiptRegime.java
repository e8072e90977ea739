package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.receipt.ReceiptTotals;
import io.cuadra.customers.application.CustomerSnapshot;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Countries with no integrated tax authority (Chile, Mexico): a numbered internal sale receipt per paid
 * sale and a credit slip per return or cancellation, each numbered gap-free per location in its own
 * series (RV, RD), printed only. Figures in the currency's minor unit, tax by document
 * ({@link ReceiptTotals}).
 */
@ApplicationScoped
public class InternalReceiptRegime implements FiscalRegimePolicy {

    /** Series of receipts and of credit slips; the counter row is per location, so each location counts alone. */
    static final String RECEIPT_SERIES = "RV";
    static final String CREDIT_SLIP_SERIES = "RD";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    SeriesNumbers numbers;

    @Inject
    IssuedDocuments issued;

    @Override
    public FiscalRegime regime() {
        return FiscalRegime.INTERNAL_RECEIPT;
    }

    @Override
    public BillingDocument issueSale(Sale sale) {
        OrderSnapshot order = sale.order();
        Location location = sale.location();
        Company company = sale.company();
        Currency currency = sale.currency();
        List<DocumentLine> lines = new ArrayList<>();
        for (OrderSnapshot.Line l : order.lines()) {
            lines.add(line(l, currency));
        }
        ReceiptTotals totals = ReceiptTotals.of(receiptLines(lines), currency);
        long number = numbers.next(location.getId(), RECEIPT_SERIES);
        BillingDocument d = new BillingDocument(BillingDocumentKind.RECEIPT, location.getId(), RECEIPT_SERIES, number,
                sale.now(), location.zone(), currency);
        d.forOrder(order.orderId(), order.customerId());
        String address = company.getFiscalAddress() != null ? company.getFiscalAddress()
                : location.getAddress() != null ? location.getAddress() : "-";
        d.issuedBy(company.getCountry(), company.getTaxId(), company.getLegalName(), company.getTradeName(), null,
                address, null, null, null, null);
        CustomerSnapshot customer = sale.customer();
        d.issuedTo(customer == null ? DocumentType.NONE : customer.documentType(),
                customer == null ? "-" : customer.documentNumber(),
                customer == null ? "Cliente sin identificar" : customer.displayName(),
                customer == null ? null : customer.address(), customer != null && customer.business());
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, order.lines().get(i).itemId(), lines.get(i)));
        }
        d.payable(sale.terms(), sale.dueDate(), null);
        d.totals(totals.base(), totals.tax(), totals.total(), null);
        return issued.store(d, "Receipt of order " + order.number());
    }

    @Override
    public BillingDocument issueCorrection(BillingDocument original, Correction correction) {
        Location location = correction.location();
        Currency currency = original.currencyUnit();
        List<DocumentLine> lines = correction.lines().stream().map(CreditAllowance.CreditLine::toDocumentLine)
                .toList();
        List<ReceiptTotals.Line> receiptLines = receiptLines(lines);
        // Cumulative rounding: the slips of a receipt add up to its total exactly, however it is cut.
        BigDecimal before = creditedBefore(original);
        BigDecimal after = before.add(ReceiptTotals.sum(receiptLines));
        BigDecimal total = ReceiptTotals.toMinorUnit(after, currency)
                .subtract(ReceiptTotals.toMinorUnit(before, currency));
        ReceiptTotals totals = ReceiptTotals.of(receiptLines, currency, total);
        long number = numbers.next(location.getId(), CREDIT_SLIP_SERIES);
        BillingDocument d = new BillingDocument(BillingDocumentKind.CREDIT_SLIP, location.getId(), CREDIT_SLIP_SERIES,
                number, correction.now(), location.zone(), currency);
        d.forOrder(original.getOrderId(), original.getCustomerId());
        d.issuedBy(original.getIssuerCountry(), original.getIssuerTaxId(), original.getIssuerLegalName(),
                original.getIssuerTradeName(), null, original.getIssuerAddress(), null, null, null, null);
        d.issuedTo(DocumentType.bySunatCode(original.getCustomerDocType()).orElse(DocumentType.NONE),
                original.getCustomerDocNumber(), original.getCustomerName(), original.getCustomerAddress(),
                original.isCustomerBusiness());
        d.corrects(original, correction.reason().sunatCode(), correction.description());
        BillingIssuer.addCreditLines(d, correction.lines(), lines);
        d.payable(null, correction.now().atZone(location.zone()).toLocalDate(), null);
        d.totals(totals.base(), totals.tax(), totals.total(), null);
        return issued.store(d, "Credit slip of " + original.getDisplayNumber() + " (" + correction.description() + ")");
    }

    /**
     * A sold line with the orders component's amounts. Only the percent says whether it is taxed: the
     * catalog's SUNAT-style affectation codes mean nothing here, and a 0 % rate (Mexico's tasa 0) is no tax.
     */
    static DocumentLine line(OrderSnapshot.Line l, Currency currency) {
        boolean taxed = l.taxPercent() != null && l.taxPercent().signum() > 0;
        Money base = Money.of(l.base(), currency);
        Money discount = l.discountTotal() == null || l.discountTotal().signum() == 0 ? Money.zero(currency)
                : Money.of(l.quantity().multiply(l.unitValue()), currency).minus(base);
        return new DocumentLine(l.itemCode(), l.itemName(), l.unitCode() == null ? DocumentLine.UNIT_NIU : l.unitCode(),
                l.quantity(), l.unitValue(), l.unitPrice(), base,
                taxed ? IgvAffectation.TAXED : IgvAffectation.EXONERATED, taxed ? l.taxPercent() : BigDecimal.ZERO,
                taxed ? Money.of(l.tax(), currency) : Money.zero(currency), discount);
    }

    static List<ReceiptTotals.Line> receiptLines(List<DocumentLine> lines) {
        return lines.stream().map(l -> new ReceiptTotals.Line(l.totalWithTax().amount(), l.taxPercent())).toList();
    }

    /** What the earlier slips of {@code original} took back, to the cent, before rounding. */
    private BigDecimal creditedBefore(BillingDocument original) {
        BigDecimal sum = em.createQuery("select sum(l.totalAmount) from BillingDocumentLine l"
                + " where l.document.original = :o", BigDecimal.class).setParameter("o", original).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }
}
