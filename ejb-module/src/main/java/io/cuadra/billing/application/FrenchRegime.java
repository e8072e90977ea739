package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.customers.application.CustomerSnapshot;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * France: a facture with the seller's legal mentions and continuous numbering per series, and its avoir;
 * printed only, nothing is sent.
 */
@ApplicationScoped
public class FrenchRegime implements FiscalRegimePolicy {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @EJB
    SeriesNumbers numbers;

    @EJB
    BillingProfileService profiles;

    @Inject
    IssuedDocuments issued;

    @Override
    public FiscalRegime regime() {
        return FiscalRegime.FRENCH;
    }

    @Override
    public BillingDocument issueSale(Sale sale) {
        OrderSnapshot order = sale.order();
        Location location = sale.location();
        Company company = sale.company();
        CustomerSnapshot customer = sale.customer();
        PaymentTerms terms = sale.terms();
        Currency currency = sale.currency();
        BillingProfile profile = profile();
        String series = location.getInvoiceSeries() != null ? location.getInvoiceSeries() : "FA";
        LocalDate today = sale.today();
        List<DocumentLine> lines = new ArrayList<>();
        List<Long> items = new ArrayList<>();
        for (OrderSnapshot.Line l : order.lines()) {
            lines.add(frenchLine(l.itemCode(), l.itemName(), l.unitCode(), l.quantity(),
                    DocumentSnapshots.unitPriceExclTax(l.base(), l.quantity()), l.taxPercent(), currency));
            items.add(l.itemId());
        }
        String name = customer == null ? "Client comptoir" : customer.displayName();
        String address = customer == null || customer.address() == null ? "Adresse non communiquée"
                : customer.address();
        LocalDate due = sale.dueDate();
        String termsText = terms instanceof PaymentTerms.Credit
                ? (profile.getPaymentTermsText() != null ? profile.getPaymentTermsText()
                : "Paiement à réception de facture, au plus tard le " + due.format(FRENCH_DATE))
                : "Payée comptant le " + today.format(FRENCH_DATE);
        long number = numbers.next(location.getId(), series);
        BillingDocument d = new BillingDocument(BillingDocumentKind.FACTURE, location.getId(), series, number,
                sale.now(), location.zone(), currency);
        d.forOrder(order.orderId(), order.customerId());
        d.issuedBy(company.getCountry(), company.getTaxId(), company.getLegalName(), company.getTradeName(), null,
                company.getFiscalAddress(), null, null, null, null);
        d.frenchSeller(profile.getLegalForm(), profile.getShareCapital(), profile.getSiret(), profile.getRcsCity(),
                profile.getVatNumber());
        d.issuedTo(customer == null ? DocumentType.NONE : customer.documentType(),
                customer == null ? "-" : customer.documentNumber(), name, address,
                customer != null && customer.business());
        for (int i = 0; i < lines.size(); i++) {
            d.addLine(new BillingDocumentLine(i + 1, items.get(i), lines.get(i)));
        }
        d.payable(terms, due, termsText);
        d.vatExemption(profile.getVatExemptionMention());
        return store(d, "Issued for order " + order.number());
    }

    @Override
    public BillingDocument issueCorrection(BillingDocument original, Correction correction) {
        BillingProfile profile = profile();
        Location location = correction.location();
        String series = location.getInvoiceCreditSeries() != null ? location.getInvoiceCreditSeries() : "AV";
        List<DocumentLine> lines = new ArrayList<>();
        for (CreditAllowance.CreditLine c : correction.lines()) {
            lines.add(frenchLine(c.code(), c.description(), c.unitCode(), c.quantity(),
                    DocumentSnapshots.unitPriceExclTax(c.value().amount(), c.quantity()), c.taxPercent(),
                    original.currencyUnit()));
        }
        long number = numbers.next(location.getId(), series);
        BillingDocument d = new BillingDocument(BillingDocumentKind.AVOIR, location.getId(), series, number,
                correction.now(), location.zone(), original.currencyUnit());
        d.forOrder(original.getOrderId(), original.getCustomerId());
        d.issuedBy(original.getIssuerCountry(), original.getIssuerTaxId(), original.getIssuerLegalName(),
                original.getIssuerTradeName(), null, original.getIssuerAddress(), null, null, null, null);
        d.frenchSeller(profile.getLegalForm(), profile.getShareCapital(), profile.getSiret(), profile.getRcsCity(),
                profile.getVatNumber());
        d.issuedTo(DocumentType.bySunatCode(original.getCustomerDocType()).orElse(DocumentType.NONE),
                original.getCustomerDocNumber(), original.getCustomerName(), original.getCustomerAddress(),
                original.isCustomerBusiness());
        d.corrects(original, correction.reason().sunatCode(), correction.description());
        BillingIssuer.addCreditLines(d, correction.lines(), lines);
        LocalDate today = correction.now().atZone(location.zone()).toLocalDate();
        d.payable(null, today, "Avoir remboursé ou imputé le " + today.format(FRENCH_DATE));
        d.vatExemption(original.getVatExemptionMention());
        return store(d, "Avoir of " + original.getDisplayNumber() + " (" + correction.description() + ")");
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

    private BillingDocument store(BillingDocument d, String notes) {
        FrenchInvoice invoice = DocumentSnapshots.french(d);
        d.totals(invoice.totalExclTax(), invoice.totalVat(), invoice.totalInclTax(), null);
        return issued.store(d, notes);
    }

    private BillingProfile profile() {
        BillingProfile profile = profiles.current();
        if (profile.getLegalForm() == null || profile.getShareCapital() == null
                || profile.getSiret() == null || profile.getRcsCity() == null || profile.getVatNumber() == null) {
            throw new RuleViolation("French invoices need the billing profile: legal form, share capital, SIRET,"
                    + " RCS city and VAT number.").withKey("billing.frenchInvoicesNeed");
        }
        return profile;
    }
}
