package io.cuadra.billing.domain.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTotalsTest {

    private static final Currency CLP = Currency.getInstance("CLP");
    private static final Currency MXN = Currency.getInstance("MXN");

    private static ReceiptTotals.Line line(String gross, String percent) {
        return new ReceiptTotals.Line(new BigDecimal(gross), new BigDecimal(percent));
    }

    @Test
    void chileanIvaIsSplitOutOfTheTotalInWholePesos() {
        ReceiptTotals t = ReceiptTotals.of(List.of(line("1000.00", "19")), CLP);
        // SII: neto = 1000 / 1.19 = 840.34 -> 840; IVA = 1000 - 840 = 160.
        assertThat(t.total().amount()).isEqualByComparingTo("1000");
        assertThat(t.base().amount()).isEqualByComparingTo("840");
        assertThat(t.tax().amount()).isEqualByComparingTo("160");
        assertThat(t.rates()).singleElement().satisfies(r -> {
            assertThat(r.percent()).isEqualByComparingTo("19");
            assertThat(r.base().amount()).isEqualByComparingTo("840");
            assertThat(r.tax().amount()).isEqualByComparingTo("160");
        });
    }

    @Test
    void pesoCentsOfTheLinesAreCutSoThePrintedLinesAddUpToTheTotal() {
        // 3 lines of 333.33 each: 999.99 rounds to 1000; the missing peso goes to the largest remainder.
        ReceiptTotals t = ReceiptTotals.of(List.of(line("333.33", "19"), line("333.33", "19"), line("333.33", "19")),
                CLP);
        assertThat(t.total().amount()).isEqualByComparingTo("1000");
        assertThat(t.lines()).extracting(m -> m.amount().stripTrailingZeros().toPlainString())
                .containsExactly("334", "333", "333");
        // 11 900 with tax: neto 10 000, IVA 1 900.
        ReceiptTotals round = ReceiptTotals.of(List.of(line("11900.00", "19")), CLP);
        assertThat(round.base().amount()).isEqualByComparingTo("10000");
        assertThat(round.tax().amount()).isEqualByComparingTo("1900");
    }

    @Test
    void mexicanIvaIsToTheCentPerRateWithExemptLinesApart() {
        ReceiptTotals t = ReceiptTotals.of(List.of(line("116.00", "16"), line("99.99", "16"), line("50.00", "0")), MXN);
        // 215.99 / 1.16 = 186.198... -> 186.20; IVA 29.79; exempt 50.00.
        assertThat(t.total().amount()).isEqualByComparingTo("265.99");
        assertThat(t.rates()).hasSize(2);
        assertThat(t.rates().get(0).base().amount()).isEqualByComparingTo("186.20");
        assertThat(t.rates().get(0).tax().amount()).isEqualByComparingTo("29.79");
        assertThat(t.rates().get(1).base().amount()).isEqualByComparingTo("50.00");
        assertThat(t.rates().get(1).tax().amount()).isEqualByComparingTo("0.00");
        assertThat(t.tax().amount()).isEqualByComparingTo("29.79");
    }

    @Test
    void aTotalDecidedElsewhereIsHonouredAndRefusedWhenItCannotBeInTheMinorUnit() {
        ReceiptTotals slip = ReceiptTotals.of(List.of(line("500.50", "19")), CLP, new BigDecimal("500"));
        assertThat(slip.total().amount()).isEqualByComparingTo("500");
        assertThat(slip.lines()).extracting(m -> m.amount().stripTrailingZeros().toPlainString()).containsExactly("500");
        assertThatThrownBy(() -> ReceiptTotals.of(List.of(line("10.00", "19")), CLP, new BigDecimal("10.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceiptTotals.of(List.of(), MXN)).isInstanceOf(IllegalArgumentException.class);
    }
}
