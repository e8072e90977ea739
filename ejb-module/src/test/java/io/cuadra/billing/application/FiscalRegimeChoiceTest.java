package io.cuadra.billing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.IgvAffectation;
import io.cuadra.orders.events.OrderSnapshot;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** How the regime is chosen, and the rules each strategy applies to an order's lines before it stores them. */
class FiscalRegimeChoiceTest {

    @Test
    void theCountryGivesTheDefaultRegimeAndATenantsChoiceWins() {
        assertThat(BillingProfile.defaultRegime("PE")).isEqualTo(FiscalRegime.SUNAT);
        assertThat(BillingProfile.defaultRegime("FR")).isEqualTo(FiscalRegime.FRENCH);
        assertThat(BillingProfile.defaultRegime("CL")).isEqualTo(FiscalRegime.INTERNAL_RECEIPT);
        assertThat(BillingProfile.defaultRegime("MX")).isEqualTo(FiscalRegime.INTERNAL_RECEIPT);
        assertThat(BillingProfile.defaultRegime("AR")).as("no country is refused").isEqualTo(FiscalRegime.INTERNAL_RECEIPT);
        BillingProfile profile = new BillingProfile();
        assertThat(profile.regimeFor("MX")).isEqualTo(FiscalRegime.INTERNAL_RECEIPT);
        profile.issueUnder(FiscalRegime.FRENCH);
        assertThat(profile.regimeFor("MX")).isEqualTo(FiscalRegime.FRENCH);
    }

    @Test
    void aCorrectionFollowsTheRegimeOfTheDocumentItCorrects() {
        assertThat(BillingDocumentKind.BOLETA.regime()).isEqualTo(FiscalRegime.SUNAT);
        assertThat(BillingDocumentKind.CREDIT_NOTE.regime()).isEqualTo(FiscalRegime.SUNAT);
        assertThat(BillingDocumentKind.FACTURE.regime()).isEqualTo(FiscalRegime.FRENCH);
        assertThat(BillingDocumentKind.AVOIR.regime()).isEqualTo(FiscalRegime.FRENCH);
        assertThat(BillingDocumentKind.RECEIPT.regime()).isEqualTo(FiscalRegime.INTERNAL_RECEIPT);
        assertThat(BillingDocumentKind.RECEIPT.creditNoteKind()).isEqualTo(BillingDocumentKind.CREDIT_SLIP);
        assertThat(BillingDocumentKind.CREDIT_SLIP.isCreditNote()).isTrue();
        assertThat(BillingDocumentKind.byTypeCode("RV")).isEqualTo(BillingDocumentKind.RECEIPT);
    }

    @Test
    void aReceiptLineIsTaxedByItsPercentNotByItsCatalogCode() {
        Currency mxn = Currency.getInstance("MXN");
        // Mexico's tasa 0 %: catalog code 10 ("taxed") but no tax: exempt on the receipt, not refused.
        DocumentLine zero = InternalReceiptRegime.line(line("10", "0", "100.00", "0.00", "100.00"), mxn);
        assertThat(zero.affectation()).isEqualTo(IgvAffectation.EXONERATED);
        assertThat(zero.totalWithTax().amount()).isEqualByComparingTo("100.00");
        DocumentLine iva = InternalReceiptRegime.line(line("10", "16", "100.00", "16.00", "116.00"), mxn);
        assertThat(iva.affectation()).isEqualTo(IgvAffectation.TAXED);
        assertThat(iva.taxAmount().amount()).isEqualByComparingTo("16.00");
    }

    @Test
    void theSunatAndFrenchStrategiesKeepTheirLineRules() {
        Currency pen = Currency.getInstance("PEN");
        OrderSnapshot order = new OrderSnapshot(1, "LIM01-2026-000001", 1, "LIM01", null, "COUNTER", "PEN", true,
                java.time.Instant.now(), null, java.util.List.of(line("10", "18", "100.00", "18.00", "118.00")),
                java.util.List.of(), new BigDecimal("118.00"), BigDecimal.ZERO, new BigDecimal("100.00"),
                new BigDecimal("18.00"), new BigDecimal("118.00"), java.util.List.of());
        assertThat(SunatRegime.sunatLines(order, pen)).singleElement()
                .satisfies(l -> assertThat(l.taxAmount().amount()).isEqualByComparingTo("18.00"));
        // French VAT is by line on the value without tax: 3 x 18.90 at 5.5 % = 56.70 + 3.12.
        DocumentLine french = FrenchRegime.frenchLine("CAF", "Café", "NIU", new BigDecimal("3"),
                new BigDecimal("18.90"), new BigDecimal("5.5"), Currency.getInstance("EUR"));
        assertThat(french.taxAmount().amount()).isEqualByComparingTo("3.12");
    }

    private static OrderSnapshot.Line line(String code, String percent, String base, String tax, String total) {
        BigDecimal b = new BigDecimal(base);
        return new OrderSnapshot.Line(1, 1, 7, "IT-1", "Envío", "SERVICE", "ZZ", BigDecimal.ONE,
                new BigDecimal(total), code, new BigDecimal(percent), BigDecimal.ZERO, b, new BigDecimal(tax),
                new BigDecimal(total), b, new BigDecimal(total), null);
    }
}
