package io.cuadra.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditAllowanceTest {

    private static final Currency PEN = Currency.getInstance("PEN");

    /** 3 x 35.40 with IGV (value 90.00, tax 16.20) and an exempt 1 x 50.00. */
    private static List<CreditAllowance.OriginalLine> original() {
        return List.of(
                new CreditAllowance.OriginalLine(1, "P1", "Vitamina C", "NIU", new BigDecimal("3"),
                        pen("90.00"), pen("16.20"), IgvAffectation.TAXED, new BigDecimal("18")),
                new CreditAllowance.OriginalLine(2, "S1", "Consulta", "ZZ", BigDecimal.ONE,
                        pen("50.00"), pen("0.00"), IgvAffectation.EXONERATED, BigDecimal.ZERO));
    }

    private static Money pen(String amount) {
        return Money.of(new BigDecimal(amount), PEN);
    }

    private static List<CreditAllowance.CreditedLine> credited(List<CreditAllowance.CreditLine> lines) {
        return lines.stream().map(l -> new CreditAllowance.CreditedLine(l.originalLineNo(), l.returnedQuantity(),
                l.value(), l.tax())).toList();
    }

    @Test
    void aReturnCreditsItsShareAndBuildsAValidSunatLine() {
        CreditAllowance allowance = new CreditAllowance(PEN, original(), List.of());
        CreditAllowance.CreditLine one = allowance.returnOf(1, BigDecimal.ONE);
        assertThat(one.value()).isEqualTo(pen("30.00"));
        assertThat(one.tax()).isEqualTo(pen("5.40"));
        assertThat(one.returnedQuantity()).isEqualByComparingTo("1");
        assertThat(one.toDocumentLine().totalWithTax()).isEqualTo(pen("35.40"));
        assertThat(allowance.remainingTotal()).isEqualTo(pen("120.80"));
    }

    @Test
    void creditsNeverExceedWhatRemainsAcrossSeveralNotes() {
        List<CreditAllowance.CreditLine> issued = new ArrayList<>();
        issued.add(new CreditAllowance(PEN, original(), List.of()).returnOf(1, new BigDecimal("2")));
        CreditAllowance second = new CreditAllowance(PEN, original(), credited(issued));
        assertThatThrownBy(() -> second.returnOf(1, new BigDecimal("2")))
                .isInstanceOf(CreditAllowance.CreditRefused.class).hasMessageContaining("only 1 can still be returned");
        assertThatThrownBy(() -> second.discountOf(2, pen("50.01")))
                .isInstanceOf(CreditAllowance.CreditRefused.class);
        assertThatThrownBy(() -> second.returnOf(3, BigDecimal.ONE))
                .isInstanceOf(CreditAllowance.CreditRefused.class).hasMessageContaining("no line 3");
    }

    @Test
    void theLastPieceTakesExactlyWhatRemainsSoTheNotesAddUpToTheOriginal() {
        // 7 x 1.00 with IGV: value 5.93, tax 1.07 (rounded); returned one unit at a time.
        List<CreditAllowance.OriginalLine> lines = List.of(new CreditAllowance.OriginalLine(1, null, "Agua", "NIU",
                new BigDecimal("7"), pen("5.93"), pen("1.07"), IgvAffectation.TAXED, new BigDecimal("18")));
        List<CreditAllowance.CreditLine> issued = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            CreditAllowance allowance = new CreditAllowance(PEN, lines, credited(issued));
            CreditAllowance.CreditLine line = allowance.returnOf(1, BigDecimal.ONE);
            line.toDocumentLine();
            issued.add(line);
        }
        Money value = issued.stream().map(CreditAllowance.CreditLine::value).reduce(Money.zero(PEN), Money::plus);
        Money tax = issued.stream().map(CreditAllowance.CreditLine::tax).reduce(Money.zero(PEN), Money::plus);
        assertThat(value).isEqualTo(pen("5.93"));
        assertThat(tax).isEqualTo(pen("1.07"));
        assertThat(new CreditAllowance(PEN, lines, credited(issued)).fullyCredited()).isTrue();
    }

    @Test
    void aDiscountSplitsValueAndTaxAndReturnsNoGoods() {
        CreditAllowance allowance = new CreditAllowance(PEN, original(), List.of());
        CreditAllowance.CreditLine discount = allowance.discountOf(1, pen("11.80"));
        assertThat(discount.value()).isEqualTo(pen("10.00"));
        assertThat(discount.tax()).isEqualTo(pen("1.80"));
        assertThat(discount.returnedQuantity()).isZero();
        assertThat(discount.description()).startsWith("Descuento - ");
        discount.toDocumentLine();
        // What the discount took is no longer there to return: all 3 units now credit 106.20 - 11.80.
        CreditAllowance.CreditLine rest = allowance.returnOf(1, new BigDecimal("3"));
        assertThat(rest.total()).isEqualTo(pen("94.40"));
    }

    @Test
    void everythingCreditsWhatRemainsAndThenNothingIsLeft() {
        List<CreditAllowance.CreditLine> first = List.of(
                new CreditAllowance(PEN, original(), List.of()).returnOf(1, BigDecimal.ONE));
        CreditAllowance allowance = new CreditAllowance(PEN, original(), credited(first));
        List<CreditAllowance.CreditLine> all = allowance.everything();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).returnedQuantity()).isEqualByComparingTo("2");
        assertThat(all.stream().map(CreditAllowance.CreditLine::total).reduce(Money.zero(PEN), Money::plus))
                .isEqualTo(pen("120.80"));
        assertThat(allowance.fullyCredited()).isTrue();
        assertThatThrownBy(allowance::everything).isInstanceOf(CreditAllowance.CreditRefused.class);
    }
}
