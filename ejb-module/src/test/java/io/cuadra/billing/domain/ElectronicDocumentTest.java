package io.cuadra.billing.domain;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.cuadra.billing.SampleDocuments.ISSUE_DATE;
import static io.cuadra.billing.SampleDocuments.PEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElectronicDocumentTest {

    @Test
    void computesTotalsPerTaxSchemeFromTheLines() {
        ElectronicDocument doc = SampleDocuments.mixedBoleta();

        DocumentTotals totals = doc.totals();
        assertThat(totals.subtotalsInSchemeOrder()).containsExactly(
                new TaxSubtotal(TaxScheme.IGV, Money.of("8.47", "PEN"), Money.of("1.53", "PEN")),
                new TaxSubtotal(TaxScheme.EXONERATED, Money.of("90.00", "PEN"), Money.of("0.00", "PEN")),
                new TaxSubtotal(TaxScheme.UNAFFECTED, Money.of("8.00", "PEN"), Money.of("0.00", "PEN")));
        assertThat(totals.lineExtensionAmount()).isEqualTo(Money.of("106.47", "PEN"));
        assertThat(totals.totalTax()).isEqualTo(Money.of("1.53", "PEN"));
        assertThat(totals.payableAmount()).isEqualTo(Money.of("108.00", "PEN"));
        assertThat(doc.amountInWords()).isEqualTo("CIENTO OCHO CON 00/100 SOLES");
        assertThat(totals.igvAmount()).isEqualTo(Money.of("1.53", "PEN"));
    }

    @Test
    void acceptsEveryVariantOfTheSamples() {
        assertThat(SampleDocuments.allVariants()).hasSize(9).allSatisfy(doc -> assertThat(doc.id()).isNotBlank());
        assertThat(SampleDocuments.factura().payableAmount()).isEqualTo(Money.of("1210.00", "PEN"));
    }

    @Test
    void refusesTotalsThatAreNotTheSumOfTheLinesToTheCent() {
        ElectronicDocument good = SampleDocuments.factura();
        DocumentTotals t = good.totals();
        DocumentTotals offByACent = new DocumentTotals(t.subtotals(), t.lineExtensionAmount(),
                t.totalTax().plus(Money.of("0.01", "PEN")), t.taxInclusiveAmount(), t.payableAmount());

        assertThatThrownBy(() -> rebuild(good).totals(offByACent).build())
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("F001-123")
                .hasMessageContaining("Total tax is 184.59 but the lines add up to 184.58");
    }

    @Test
    void refusesAMissingOrSpuriousSchemeSubtotal() {
        ElectronicDocument good = SampleDocuments.mixedBoleta();
        DocumentTotals t = good.totals();
        List<TaxSubtotal> withoutExo = t.subtotals().stream().filter(s -> s.scheme() != TaxScheme.EXONERATED).toList();
        DocumentTotals missing = new DocumentTotals(withoutExo, t.lineExtensionAmount(), t.totalTax(),
                t.taxInclusiveAmount(), t.payableAmount());

        assertThatThrownBy(() -> rebuild(good).totals(missing).build())
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> assertThat(e.problems())
                        .containsExactly("Subtotal EXO is missing: the lines have 90.00 PEN under it."));
    }

    @Test
    void refusesAnAmountInWordsThatDoesNotReadThePayable() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.boleta()).amountInWords("CIEN CON 00/100 SOLES").build())
                .hasMessageContaining("expected \"TREINTA Y OCHO CON 50/100 SOLES\"");
    }

    @Test
    void refusesASeriesOfTheWrongKind() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.boleta()).number("F001-9").build())
                .hasMessageContaining("Series F001 does not fit a boleta: it must be B followed by 3");
    }

    @Test
    void refusesAFacturaToACustomerWithoutRuc() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.factura())
                .customer(new Customer(DocumentType.DNI, "46027897", "JUAN PÉREZ", null)).build())
                .hasMessageContaining("A factura (and its credit notes) is issued to a RUC; the customer has a DNI");
    }

    @Test
    void refusesAnAnonymousBoletaOverSevenHundredSoles() {
        ElectronicDocument.Builder big = rebuild(SampleDocuments.boleta()).line(DocumentLine.taxed("X", "Cafetera",
                "NIU", BigDecimal.ONE, new BigDecimal("700.00"), SampleDocuments.IGV, PEN));
        assertThatThrownBy(big::build).hasMessageContaining("must identify the customer");
    }

    @Test
    void refusesAFacturaWithoutPaymentTerms() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.factura()).paymentTerms(null).build())
                .hasMessageContaining("payment terms");
    }

    @Test
    void refusesInstalmentsAboveThePayableOrNotAfterTheIssueDate() {
        PaymentTerms tooMuch = PaymentTerms.credit(List.of(
                new PaymentTerms.Instalment(Money.of("1210.01", "PEN"), ISSUE_DATE.plusDays(30))));
        assertThatThrownBy(() -> rebuild(SampleDocuments.factura()).paymentTerms(tooMuch).build())
                .hasMessageContaining("more than the payable amount 1210.00");

        PaymentTerms dueToday = PaymentTerms.credit(List.of(
                new PaymentTerms.Instalment(Money.of("100", "PEN"), ISSUE_DATE)));
        assertThatThrownBy(() -> rebuild(SampleDocuments.factura()).paymentTerms(dueToday).build())
                .hasMessageContaining("must fall after the issue date");
    }

    @Test
    void refusesInstalmentsOutOfOrder() {
        assertThatThrownBy(() -> PaymentTerms.credit(List.of(
                new PaymentTerms.Instalment(Money.of("1", "PEN"), ISSUE_DATE.plusDays(60)),
                new PaymentTerms.Instalment(Money.of("1", "PEN"), ISSUE_DATE.plusDays(30)))))
                .hasMessageContaining("in order");
    }

    @Test
    void refusesACreditNoteWhoseSeriesLetterDiffersFromTheOriginal() {
        ElectronicDocument.Builder wrong = rebuild(SampleDocuments.fullCreditNote()).number("BC01-1")
                .customer(SampleDocuments.companyCustomer());
        assertThatThrownBy(wrong::build)
                .hasMessageContaining("Credit note series BC01 starts with B but it corrects F001-123");
    }

    @Test
    void refusesACreditNoteWithoutReferenceAndAnInvoiceWithOne() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.fullCreditNote()).creditNote(null).build())
                .hasMessageContaining("must name the document it corrects");
        CreditNoteReference ref = SampleDocuments.fullCreditNote().creditNote();
        assertThatThrownBy(() -> rebuild(SampleDocuments.factura()).creditNote(ref).build())
                .hasMessageContaining("Only a credit note refers to an original document");
    }

    @Test
    void refusesAReferenceToAnOriginalWithAnImpossibleSeries() {
        assertThatThrownBy(() -> new CreditNoteReference(DocumentKind.FACTURA, DocumentNumber.parse("B001-1"),
                CreditNoteReason.CANCELLATION, "x"))
                .hasMessageContaining("impossible series");
    }

    @Test
    void paymentTermsOnACreditNoteOnlyForReasonThirteen() {
        assertThatThrownBy(() -> rebuild(SampleDocuments.fullCreditNote()).paymentTerms(PaymentTerms.cash()).build())
                .hasMessageContaining("Only a credit note for reason 13");
    }

    @Test
    void refusesLinesInAnotherCurrency() {
        DocumentLine dollars = DocumentLine.taxed("X", "Item", "NIU", BigDecimal.ONE, BigDecimal.TEN,
                SampleDocuments.IGV, java.util.Currency.getInstance("USD"));
        ElectronicDocument good = SampleDocuments.boleta();
        assertThatThrownBy(() -> new ElectronicDocument(good.kind(), good.number(), good.issueDate(),
                good.issueTime(), good.currency(), good.operationType(), good.issuer(), good.customer(),
                List.of(dollars), good.totals(), good.amountInWords(), good.paymentTerms(), null))
                .hasMessageContaining("Line 1 is in USD but the document is in PEN");
    }

    @Test
    void keepsTheIssueTimeToTheSecond() {
        ElectronicDocument doc = rebuild(SampleDocuments.boleta())
                .issuedAt(ISSUE_DATE, LocalTime.of(9, 15, 30, 123_456_789)).build();
        assertThat(doc.issueTime()).isEqualTo(LocalTime.of(9, 15, 30));
    }

    @Test
    void linesCannotBeChangedAfterConstruction() {
        ElectronicDocument doc = SampleDocuments.boleta();
        assertThatThrownBy(() -> doc.lines().add(SampleDocuments.coffee("1")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** A builder pre-filled with every part of the given document, to change one part in a test. */
    static ElectronicDocument.Builder rebuild(ElectronicDocument d) {
        return ElectronicDocument.builder().kind(d.kind()).number(d.number()).issuedAt(d.issueDate(), d.issueTime())
                .currency(d.currency()).issuer(d.issuer()).customer(d.customer()).lines(d.lines())
                .paymentTerms(d.paymentTerms()).creditNote(d.creditNote());
    }
}
