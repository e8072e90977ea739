package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentLineTest {

    private static final Currency PEN = Currency.getInstance("PEN");
    private static final BigDecimal IGV = new BigDecimal("18");

    @Test
    void splitsAPriceWithTaxIntoValueAndIgv() {
        DocumentLine line = DocumentLine.taxed("P1", "Item", "NIU", BigDecimal.ONE, new BigDecimal("118.00"), IGV, PEN);

        assertThat(line.lineExtensionAmount()).isEqualTo(Money.of("100.00", "PEN"));
        assertThat(line.taxAmount()).isEqualTo(Money.of("18.00", "PEN"));
        assertThat(line.unitValue()).isEqualByComparingTo("100");
        assertThat(line.taxScheme()).isEqualTo(TaxScheme.IGV);
    }

    @Test
    void keepsWhatTheCustomerPaysWhenValueAndTaxAreRounded() {
        DocumentLine line = DocumentLine.taxed("P1", "Café", "NIU", new BigDecimal("3"), new BigDecimal("10.00"), IGV,
                PEN);

        assertThat(line.lineExtensionAmount().amount()).isEqualByComparingTo("25.42");
        assertThat(line.taxAmount().amount()).isEqualByComparingTo("4.58");
        assertThat(line.totalWithTax()).isEqualTo(Money.of("30.00", "PEN"));
    }

    @Test
    void aDiscountLowersTheValueAndIsTheGapToQuantityTimesUnitValue() {
        DocumentLine line = DocumentLine.taxedWithDiscount("P1", "Café", "NIU", new BigDecimal("3"),
                new BigDecimal("10.00"), IGV, Money.of("3.00", "PEN"));

        assertThat(line.totalWithTax()).isEqualTo(Money.of("27.00", "PEN"));
        assertThat(line.lineExtensionAmount().amount()).isEqualByComparingTo("22.88");
        assertThat(line.valueBeforeDiscount().amount()).isEqualByComparingTo("25.42");
        assertThat(line.discount().amount()).isEqualByComparingTo("2.54");
        assertThat(line.discountFactor()).isEqualByComparingTo("0.09992");
        assertThat(line.unitPrice()).isEqualByComparingTo("9.00");
        assertThat(line.isDiscounted()).isTrue();
    }

    @Test
    void refusesAValueThatIsNeitherQuantityTimesUnitValueNorThatMinusTheDiscount() {
        // 3 x 8.47 = 25.42 before discount; 22.88 after a 2.54 discount, not after 2.00
        assertThatThrownBy(() -> new DocumentLine("P1", "Café", "NIU", new BigDecimal("3"),
                new BigDecimal("8.4745762712"), new BigDecimal("9"), Money.of("22.88", "PEN"), IgvAffectation.TAXED,
                IGV, Money.of("4.12", "PEN"), Money.of("2.00", "PEN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plus discount 2.00");
        assertThatThrownBy(() -> new DocumentLine("P1", "Café", "NIU", new BigDecimal("3"),
                new BigDecimal("8.4745762712"), new BigDecimal("9"), Money.of("22.88", "PEN"), IgvAffectation.TAXED,
                IGV, Money.of("4.12", "PEN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("should be quantity x unit value = 25.42");
    }

    @Test
    void handlesFractionalQuantities() {
        DocumentLine line = DocumentLine.untaxed(null, "Mango", "KGM", new BigDecimal("1.250"), new BigDecimal("6.40"),
                IgvAffectation.UNAFFECTED, PEN);

        assertThat(line.lineExtensionAmount()).isEqualTo(Money.of("8.00", "PEN"));
        assertThat(line.taxAmount().isZero()).isTrue();
        assertThat(line.taxScheme()).isEqualTo(TaxScheme.UNAFFECTED);
        assertThat(line.code()).isNull();
    }

    @Test
    void refusesATaxThatIsNotThePercentOfTheValue() {
        assertThatThrownBy(() -> new DocumentLine("P1", "Item", "NIU", BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("118"), Money.of("100", "PEN"), IgvAffectation.TAXED, IGV, Money.of("17.00", "PEN")))
                .hasMessageContaining("Item: tax 17.00 should be 18% of 100.00 = 18.00");
    }

    @Test
    void refusesAValueThatIsNotQuantityTimesUnitValue() {
        assertThatThrownBy(() -> new DocumentLine("P1", "Item", "NIU", new BigDecimal("2"), new BigDecimal("100"),
                new BigDecimal("118"), Money.of("100", "PEN"), IgvAffectation.TAXED, IGV, Money.of("18.00", "PEN")))
                .hasMessageContaining("should be quantity x unit value = 200.00");
    }

    @Test
    void refusesAUnitPriceThatDoesNotIncludeTheTax() {
        assertThatThrownBy(() -> new DocumentLine("P1", "Item", "NIU", BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("100"), Money.of("100", "PEN"), IgvAffectation.TAXED, IGV, Money.of("18.00", "PEN")))
                .hasMessageContaining("quantity x unit price with tax = 100.00");
    }

    @Test
    void refusesTaxOnAnExoneratedLine() {
        assertThatThrownBy(() -> new DocumentLine("L1", "Libro", "NIU", BigDecimal.ONE, new BigDecimal("100"),
                new BigDecimal("118"), Money.of("100", "PEN"), IgvAffectation.EXONERATED, IGV,
                Money.of("18.00", "PEN")))
                .hasMessageContaining("carries no tax");
    }

    @Test
    void refusesBadUnitCodesQuantitiesAndDescriptions() {
        assertThatThrownBy(() -> DocumentLine.taxed("P1", "Item", "unidad", BigDecimal.ONE, BigDecimal.TEN, IGV, PEN))
                .hasMessageContaining("catalog 03");
        assertThatThrownBy(() -> DocumentLine.taxed("P1", "Item", "NIU", BigDecimal.ZERO, BigDecimal.TEN, IGV, PEN))
                .hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> DocumentLine.taxed("P1", " ", "NIU", BigDecimal.ONE, BigDecimal.TEN, IGV, PEN))
                .hasMessageContaining("description is required");
        assertThatThrownBy(() -> DocumentLine.taxed("P1", "Item", "NIU", new BigDecimal("0.00000000001"),
                BigDecimal.TEN, IGV, PEN))
                .hasMessageContaining("more than 10 decimals");
    }

    @Test
    void equalRatesWrittenDifferentlyMakeEqualLines() {
        DocumentLine a = DocumentLine.taxed("P1", "Item", "NIU", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("18.00"),
                PEN);
        DocumentLine b = DocumentLine.taxed("P1", "Item", "NIU", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("18"),
                PEN);
        assertThat(a.taxPercent()).isEqualTo(b.taxPercent());
        assertThat(new BigDecimal("10").stripTrailingZeros().scale()).isNegative();
        DocumentLine ten = DocumentLine.taxed("P1", "Item", "NIU", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("10"),
                PEN);
        assertThat(ten.taxPercent().toPlainString()).isEqualTo("10");
    }
}
