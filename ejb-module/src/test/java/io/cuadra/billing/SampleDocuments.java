package io.cuadra.billing;

import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentKind;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.DocumentNumber;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;

/** Documents used across the billing tests: one per variant the XML and QR must handle. */
public final class SampleDocuments {

    public static final Currency PEN = Currency.getInstance("PEN");
    public static final BigDecimal IGV = new BigDecimal("18");
    /** Fictitious RUCs with a valid check digit. */
    public static final String ISSUER_RUC = ruc("2060123456");
    public static final String CUSTOMER_RUC = ruc("2050987654");
    public static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 21);

    private SampleDocuments() {
    }

    public static String ruc(String firstTen) {
        return firstTen + DocumentType.rucCheckDigit(firstTen);
    }

    public static Issuer issuer() {
        return new Issuer(ISSUER_RUC, "CUADRA DEMO S.A.C.", "Cuadra Café", "0000",
                new FiscalAddress("150122", "AV. JOSÉ LARCO 1232", "URB. SANTA CRUZ", "MIRAFLORES", "LIMA", "LIMA",
                        "PE"));
    }

    public static Customer companyCustomer() {
        return new Customer(DocumentType.RUC, CUSTOMER_RUC, "NEGOCIOS ANDINOS S.A.", "JR. DE LA UNIÓN 456, LIMA");
    }

    public static DocumentLine coffee(String quantity) {
        return DocumentLine.taxed("CAF-01", "Café americano 12 oz", DocumentLine.UNIT_NIU, new BigDecimal(quantity),
                new BigDecimal("10.00"), IGV, PEN);
    }

    public static DocumentLine sandwich() {
        return DocumentLine.taxed("SAN-02", "Sándwich de pollo & palta <grande>", DocumentLine.UNIT_NIU,
                BigDecimal.ONE, new BigDecimal("18.50"), IGV, PEN);
    }

    public static DocumentLine books() {
        // Books are exonerated from IGV in Peru (Ley 31053).
        return DocumentLine.untaxed("LIB-07", "Libro: Recetas de la costa", DocumentLine.UNIT_NIU, new BigDecimal("2"),
                new BigDecimal("45.00"), IgvAffectation.EXONERATED, PEN);
    }

    public static DocumentLine fruit() {
        return DocumentLine.untaxed("FRU-03", "Mango Kent", "KGM", new BigDecimal("1.250"),
                new BigDecimal("6.40"), IgvAffectation.UNAFFECTED, PEN);
    }

    public static ElectronicDocument boleta() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.BOLETA)
                .number("B001-1")
                .issuedAt(ISSUE_DATE, LocalTime.of(9, 15, 30))
                .currency(PEN)
                .issuer(issuer())
                .customer(Customer.anonymous())
                .line(coffee("2"))
                .line(sandwich())
                .paymentTerms(PaymentTerms.cash())
                .build();
    }

    public static ElectronicDocument factura() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.FACTURA)
                .number("F001-123")
                .issuedAt(ISSUE_DATE, LocalTime.of(16, 40, 5))
                .currency(PEN)
                .issuer(issuer())
                .customer(companyCustomer())
                .line(coffee("3"))
                .line(DocumentLine.taxed("SRV-10", "Servicio de catering", DocumentLine.UNIT_SERVICE, BigDecimal.ONE,
                        new BigDecimal("1180.00"), IGV, PEN))
                .paymentTerms(PaymentTerms.credit(List.of(
                        new PaymentTerms.Instalment(Money.of("600.00", "PEN"), ISSUE_DATE.plusDays(30)),
                        new PaymentTerms.Instalment(Money.of("610.00", "PEN"), ISSUE_DATE.plusDays(60)))))
                .build();
    }

    public static ElectronicDocument exemptOnlyFactura() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.FACTURA)
                .number("F001-124")
                .issuedAt(ISSUE_DATE, LocalTime.of(11, 0))
                .currency(PEN)
                .issuer(issuer())
                .customer(companyCustomer())
                .line(books())
                .paymentTerms(PaymentTerms.cash())
                .build();
    }

    public static ElectronicDocument mixedBoleta() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.BOLETA)
                .number("B001-2")
                .issuedAt(ISSUE_DATE, LocalTime.of(12, 30))
                .currency(PEN)
                .issuer(issuer())
                .customer(new Customer(DocumentType.DNI, "46027897", "MARÍA QUISPE ÑAHUI", null))
                .line(coffee("1"))
                .line(books())
                .line(fruit())
                .paymentTerms(PaymentTerms.cash())
                .build();
    }

    /** Cancels the whole of {@link #factura()}. */
    public static ElectronicDocument fullCreditNote() {
        return cancelling(factura(), "FC01-1", LocalTime.of(10, 0));
    }

    /** Returns one of the three coffees of {@link #factura()}. */
    public static ElectronicDocument partialCreditNote() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.CREDIT_NOTE)
                .number("FC01-2")
                .issuedAt(ISSUE_DATE.plusDays(2), LocalTime.of(10, 0))
                .currency(PEN)
                .issuer(issuer())
                .customer(companyCustomer())
                .line(coffee("1"))
                .creditNote(new CreditNoteReference(DocumentKind.FACTURA, DocumentNumber.parse("F001-123"),
                        CreditNoteReason.ITEM_RETURN, "DEVOLUCIÓN DE 1 CAFÉ"))
                .build();
    }

    /** Cancels {@link #mixedBoleta()}: a B-series credit note with taxed, exonerated and unaffected lines. */
    public static ElectronicDocument boletaCreditNote() {
        return cancelling(mixedBoleta(), "BC01-1", LocalTime.of(8, 5));
    }

    /**
     * A factura with discounts: 3.00 off the three coffees (a line discount) and 3.70 off the sandwiches, their
     * share of a discount on the order; both lower the taxable base (catalog 53 code 00).
     */
    public static ElectronicDocument discountedFactura() {
        return ElectronicDocument.builder()
                .kind(DocumentKind.FACTURA)
                .number("F001-125")
                .issuedAt(ISSUE_DATE, LocalTime.of(13, 20))
                .currency(PEN)
                .issuer(issuer())
                .customer(companyCustomer())
                .line(DocumentLine.taxedWithDiscount("CAF-01", "Café americano 12 oz", DocumentLine.UNIT_NIU,
                        new BigDecimal("3"), new BigDecimal("10.00"), IGV, Money.of("3.00", "PEN")))
                .line(DocumentLine.taxedWithDiscount("SAN-02", "Sándwich de pollo & palta", DocumentLine.UNIT_NIU,
                        new BigDecimal("2"), new BigDecimal("18.50"), IGV, Money.of("3.70", "PEN")))
                .line(books())
                .paymentTerms(PaymentTerms.cash())
                .build();
    }

    /** Cancels {@link #discountedFactura()} line for line, discounts included. */
    public static ElectronicDocument discountedCreditNote() {
        return cancelling(discountedFactura(), "FC01-3", LocalTime.of(9, 0));
    }

    /** A credit note (reason 01) that cancels {@code original} line for line, the day after it. */
    private static ElectronicDocument cancelling(ElectronicDocument original, String number, LocalTime time) {
        return ElectronicDocument.builder()
                .kind(DocumentKind.CREDIT_NOTE)
                .number(number)
                .issuedAt(ISSUE_DATE.plusDays(1), time)
                .currency(PEN)
                .issuer(issuer())
                .customer(original.customer())
                .lines(original.lines())
                .creditNote(new CreditNoteReference(original.kind(), original.number(),
                        CreditNoteReason.CANCELLATION, "ANULACIÓN DE LA OPERACIÓN"))
                .build();
    }

    public static List<ElectronicDocument> allVariants() {
        return List.of(boleta(), factura(), exemptOnlyFactura(), mixedBoleta(), fullCreditNote(), partialCreditNote(),
                boletaCreditNote(), discountedFactura(), discountedCreditNote());
    }
}
