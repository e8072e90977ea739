package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentInstalment;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.domain.france.FrenchBuyer;
import io.cuadra.billing.domain.france.FrenchIdentifiers;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.domain.france.FrenchInvoiceLine;
import io.cuadra.billing.domain.france.FrenchInvoiceNumber;
import io.cuadra.billing.domain.france.FrenchSeller;
import io.cuadra.billing.domain.france.OperationCategory;
import io.cuadra.billing.domain.receipt.InternalReceipt;
import io.cuadra.billing.domain.receipt.ReceiptTotals;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Turns a stored document back into the domain snapshot it was issued from, to print it or check it.
 * Building the snapshot re-runs every consistency check, so a stored document that no longer adds up
 * fails loudly instead of printing wrong figures.
 */
public final class DocumentSnapshots {

    private DocumentSnapshots() {
    }

    public static ElectronicDocument electronic(BillingDocument d) {
        Currency currency = d.currencyUnit();
        List<DocumentLine> lines = new ArrayList<>();
        for (BillingDocumentLine line : d.getLines()) {
            lines.add(line.toDocumentLine(currency));
        }
        ElectronicDocument.Builder b = ElectronicDocument.builder()
                .kind(d.getKind().sunatKind())
                .number(DocumentNumber.of(d.getSeries(), d.getNumber()))
                .issuedAt(d.getIssueDate(), d.getIssuedAt().atZone(d.zone()).toLocalTime())
                .currency(currency)
                .issuer(issuer(d))
                .customer(customer(d))
                .lines(lines)
                .amountInWords(d.getAmountInWords())
                .paymentTerms(paymentTerms(d));
        if (d.getOriginal() != null) {
            BillingDocument original = d.getOriginal();
            b.creditNote(new CreditNoteReference(original.getKind().sunatKind(),
                    DocumentNumber.of(original.getSeries(), original.getNumber()),
                    CreditNoteReason.bySunatCode(d.getReasonCode()).orElseThrow(), d.getReasonText()));
        }
        return b.build();
    }

    static Issuer issuer(BillingDocument d) {
        return new Issuer(d.getIssuerTaxId(), d.getIssuerLegalName(), d.getIssuerTradeName(),
                d.getIssuerEstablishment(), new FiscalAddress(d.getIssuerUbigeo(), d.getIssuerAddress(), null,
                d.getIssuerDistrict(), d.getIssuerProvince(), d.getIssuerDepartment(), d.getIssuerCountry()));
    }

    static Customer customer(BillingDocument d) {
        return new Customer(DocumentType.bySunatCode(d.getCustomerDocType()).orElseThrow(), d.getCustomerDocNumber(),
                d.getCustomerName(), d.getCustomerAddress());
    }

    static PaymentTerms paymentTerms(BillingDocument d) {
        if ("CREDIT".equals(d.getPaymentTerms())) {
            List<PaymentTerms.Instalment> instalments = new ArrayList<>();
            for (DocumentInstalment i : d.getInstalments()) {
                instalments.add(new PaymentTerms.Instalment(d.money(i.getAmount()), i.getDueDate()));
            }
            return PaymentTerms.credit(instalments);
        }
        return "CASH".equals(d.getPaymentTerms()) ? PaymentTerms.cash() : null;
    }

    public static FrenchInvoice french(BillingDocument d) {
        List<FrenchInvoiceLine> lines = new ArrayList<>();
        for (BillingDocumentLine line : d.getLines()) {
            lines.add(frenchLine(line.getDescription(), line.getQuantity(), d.money(line.getUnitValue()),
                    line.getTaxPercent()));
        }
        FrenchSeller seller = new FrenchSeller(d.getIssuerLegalName(), d.getIssuerLegalForm(),
                d.money(d.getIssuerShareCapital()), d.getIssuerAddress(),
                FrenchIdentifiers.sirenOf(d.getIssuerTaxId()), d.getIssuerSiret(),
                d.getIssuerRcsCity(), d.getIssuerVatNumber());
        FrenchBuyer buyer = new FrenchBuyer(d.getCustomerName(), d.getCustomerAddress(), d.isCustomerBusiness(), null,
                null, null);
        BillingDocument original = d.getOriginal();
        return new FrenchInvoice(d.getKind().frenchKind(), new FrenchInvoiceNumber(d.getSeries(), d.getNumber()),
                d.getIssueDate(), d.getIssueDate(), seller, buyer, category(d), lines, d.getPaymentDueDate(),
                d.getPaymentTermsText(),
                original == null ? null : new FrenchInvoiceNumber(original.getSeries(), original.getNumber()),
                original == null ? null : original.getIssueDate(), d.getVatExemptionMention());
    }

    /** An internal receipt or credit slip as printed; its figures are cut again exactly as at issue. */
    public static InternalReceipt receipt(BillingDocument d) {
        List<InternalReceipt.Line> lines = new ArrayList<>();
        List<ReceiptTotals.Line> amounts = new ArrayList<>();
        for (BillingDocumentLine line : d.getLines()) {
            amounts.add(new ReceiptTotals.Line(line.getTotalAmount(), line.getTaxPercent()));
        }
        ReceiptTotals totals = ReceiptTotals.of(amounts, d.currencyUnit(), d.getTotalAmount());
        for (int i = 0; i < d.getLines().size(); i++) {
            BillingDocumentLine line = d.getLines().get(i);
            lines.add(new InternalReceipt.Line(line.getQuantity(), line.getDescription(), totals.lines().get(i)));
        }
        String customer = "-".equals(d.getCustomerDocNumber()) ? null
                : d.getCustomerName() + " (" + d.getCustomerDocNumber() + ")";
        BillingDocument original = d.getOriginal();
        return new InternalReceipt(d.getKind() == BillingDocumentKind.CREDIT_SLIP, d.getDisplayNumber(),
                d.getIssuedAt().atZone(d.zone()).toLocalDateTime(), d.getIssuerLegalName(), d.getIssuerTaxId(),
                d.getIssuerAddress(), customer, lines, totals, original == null ? null : original.getDisplayNumber(),
                d.getReasonText());
    }

    static FrenchInvoiceLine frenchLine(String description, BigDecimal quantity, Money unitPriceExclTax,
                                        BigDecimal vatRate) {
        return new FrenchInvoiceLine(description, quantity, unitPriceExclTax, vatRate);
    }

    /** Services are sold by the unit "ZZ" (SUNAT catalog 03), goods by anything else. */
    static OperationCategory category(BillingDocument d) {
        boolean services = d.getLines().stream().anyMatch(l -> "ZZ".equals(l.getUnitCode()));
        boolean goods = d.getLines().stream().anyMatch(l -> !"ZZ".equals(l.getUnitCode()));
        return services && goods ? OperationCategory.MIXED : services ? OperationCategory.SERVICES
                : OperationCategory.GOODS;
    }

    /** The unit price without VAT that, times the quantity, gives the line's value (to the cent). */
    static BigDecimal unitPriceExclTax(BigDecimal value, BigDecimal quantity) {
        return value.divide(quantity, 2, RoundingMode.HALF_UP);
    }
}
