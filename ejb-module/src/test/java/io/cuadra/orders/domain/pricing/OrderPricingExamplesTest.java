package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples, each reconciled to the cent by hand (the arithmetic is in the comments). */
class OrderPricingExamplesTest {

    private static final Currency PEN = Currency.getInstance("PEN");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final TaxRate IGV = TaxRate.taxed("18");

    private static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static final OrderPricing INCLUSIVE_PEN = new OrderPricing(PriceBasis.TAX_INCLUSIVE, PEN);

    @Test
    void igvIncludedInPricesWithTenPercentOrderDiscount() {
        // 3 x 11.80 = 35.40 and 1 x 35.40 = 35.40; 10% of 70.80 = 7.08, half on each line = 3.54
        // each line pays 31.86: base 31.86 / 1.18 = 27.00, IGV 4.86
        PricedOrder order = INCLUSIVE_PEN.price(
                List.of(new LineItem("3", pen("11.80"), IGV), new LineItem("1", pen("35.40"), IGV)),
                List.of(Discount.percent("10", "Cliente frecuente", "cajero-ana")));

        assertThat(order.subtotal()).isEqualTo(pen("70.80"));
        assertThat(order.orderDiscountTotal()).isEqualTo(pen("7.08"));
        assertThat(order.discountTotal()).isEqualTo(pen("7.08"));
        assertThat(order.baseTotal()).isEqualTo(pen("54.00"));
        assertThat(order.taxTotal()).isEqualTo(pen("9.72"));
        assertThat(order.total()).isEqualTo(pen("63.72"));

        PricedLine first = order.lines().get(0);
        assertThat(first.orderDiscountShare()).isEqualTo(pen("3.54"));
        assertThat(first.total()).isEqualTo(pen("31.86"));
        assertThat(first.base()).isEqualTo(pen("27.00"));
        assertThat(first.tax()).isEqualTo(pen("4.86"));
        assertThat(first.grossValue()).isEqualTo(pen("30.00"));
        assertThat(first.discountValue()).isEqualTo(pen("3.00"));
        assertThat(first.unitValue()).isEqualByComparingTo("10.00");
        assertThat(first.unitPrice()).isEqualByComparingTo("10.62");
        assertThat(order.lines().get(1).total()).isEqualTo(pen("31.86"));

        assertThat(order.taxSubtotals()).containsExactly(
                new TaxSubtotal("10", new BigDecimal("18.00"), true, pen("54.00"), pen("9.72")));
    }

    @Test
    void taxedAndExemptLinesKeepSeparateBases() {
        // 2 x 5.90 = 11.80 taxed, 1 x 4.50 exempt; 3.00 off the order split 300 x 1180/1630 = 217.18 cents
        // and 300 x 450/1630 = 82.82 cents: the left-over cent goes to the larger fraction (exempt line)
        PricedOrder order = INCLUSIVE_PEN.price(
                List.of(new LineItem("2", pen("5.90"), IGV), new LineItem("1", pen("4.50"), TaxRate.exempt())),
                List.of(Discount.amount(pen("3.00"), "Redondeo a favor del cliente", "cajero-ana")));

        PricedLine taxed = order.lines().get(0);
        PricedLine exempt = order.lines().get(1);
        assertThat(taxed.orderDiscountShare()).isEqualTo(pen("2.17"));
        assertThat(exempt.orderDiscountShare()).isEqualTo(pen("0.83"));
        // 9.63 / 1.18 = 8.161 -> 8.16, IGV 9.63 - 8.16 = 1.47
        assertThat(taxed.base()).isEqualTo(pen("8.16"));
        assertThat(taxed.tax()).isEqualTo(pen("1.47"));
        assertThat(exempt.base()).isEqualTo(pen("3.67"));
        assertThat(exempt.tax()).isEqualTo(pen("0.00"));

        assertThat(order.total()).isEqualTo(pen("13.30"));
        assertThat(order.taxTotal()).isEqualTo(pen("1.47"));
        assertThat(order.taxSubtotals()).containsExactly(
                new TaxSubtotal("10", new BigDecimal("18.00"), true, pen("8.16"), pen("1.47")),
                new TaxSubtotal("20", new BigDecimal("0.00"), false, pen("3.67"), pen("0.00")));
    }

    @Test
    void percentageAndFixedDiscountsOnLinesAndOrder() {
        // line 1: 2 x 25.00 = 50.00, -10% = 5.00 -> 45.00, -2.00 -> 43.00
        // line 2: 1 x 19.90, -1.90 -> 18.00; line 3: 4 x 3.50 = 14.00
        // order: 75.00, -5% = 3.75 -> 71.25, -5.00 -> 66.25; 8.75 prorated on 43/18/14:
        // 501.67, 210.00, 163.33 cents -> 502, 210, 163
        PricedOrder order = INCLUSIVE_PEN.price(
                List.of(new LineItem("2", pen("25.00"), IGV,
                                Discount.percent("10", "Promoción de temporada", "cajero-ana"),
                                Discount.amount(pen("2.00"), "Producto con empaque dañado", "cajero-ana")),
                        new LineItem("1", pen("19.90"), IGV, Discount.amount(pen("1.90"), "Precio igualado", "sup-luis")),
                        new LineItem("4", pen("3.50"), IGV)),
                List.of(Discount.percent("5", "Convenio empresa", "sup-luis"),
                        Discount.amount(pen("5.00"), "Cupón", "cajero-ana")));

        assertThat(order.lines()).extracting(PricedLine::lineDiscountTotal)
                .containsExactly(pen("7.00"), pen("1.90"), pen("0.00"));
        assertThat(order.lines()).extracting(PricedLine::orderDiscountShare)
                .containsExactly(pen("5.02"), pen("2.10"), pen("1.63"));
        assertThat(order.lines()).extracting(PricedLine::total)
                .containsExactly(pen("37.98"), pen("15.90"), pen("12.37"));
        // 37.98 / 1.18 = 32.186 -> 32.19; 15.90 / 1.18 = 13.475 -> 13.47; 12.37 / 1.18 = 10.483 -> 10.48
        assertThat(order.lines()).extracting(PricedLine::base)
                .containsExactly(pen("32.19"), pen("13.47"), pen("10.48"));
        assertThat(order.lines()).extracting(PricedLine::tax)
                .containsExactly(pen("5.79"), pen("2.43"), pen("1.89"));

        assertThat(order.subtotal()).isEqualTo(pen("83.90"));
        assertThat(order.lineDiscountTotal()).isEqualTo(pen("8.90"));
        assertThat(order.orderDiscountTotal()).isEqualTo(pen("8.75"));
        assertThat(order.discountTotal()).isEqualTo(pen("17.65"));
        assertThat(order.baseTotal()).isEqualTo(pen("56.14"));
        assertThat(order.taxTotal()).isEqualTo(pen("10.11"));
        assertThat(order.total()).isEqualTo(pen("66.25"));

        assertThat(order.appliedDiscounts()).extracting(AppliedDiscount::level, AppliedDiscount::appliesTo,
                AppliedDiscount::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiscountLevel.LINE, pen("50.00"), pen("5.00")),
                org.assertj.core.groups.Tuple.tuple(DiscountLevel.LINE, pen("45.00"), pen("2.00")),
                org.assertj.core.groups.Tuple.tuple(DiscountLevel.LINE, pen("19.90"), pen("1.90")),
                org.assertj.core.groups.Tuple.tuple(DiscountLevel.ORDER, pen("75.00"), pen("3.75")),
                org.assertj.core.groups.Tuple.tuple(DiscountLevel.ORDER, pen("71.25"), pen("5.00")));
    }

    @Test
    void pricesExcludingTax() {
        // 3 x 10.17 = 30.51, IGV 30.51 x 0.18 = 5.4918 -> 5.49, total 36.00
        // 2 x 8.47 = 16.94, -10% = 1.694 -> 1.69, base 15.25, IGV 2.745 -> 2.75 (HALF_UP), total 18.00
        PricedOrder order = new OrderPricing(PriceBasis.TAX_EXCLUSIVE, PEN).price(List.of(
                new LineItem("3", pen("10.17"), IGV),
                new LineItem("2", pen("8.47"), IGV, Discount.percent("10", "Mayorista", "sup-luis"))));

        PricedLine first = order.lines().get(0);
        assertThat(first.base()).isEqualTo(pen("30.51"));
        assertThat(first.tax()).isEqualTo(pen("5.49"));
        assertThat(first.total()).isEqualTo(pen("36.00"));
        assertThat(first.unitValue()).isEqualByComparingTo("10.17");
        assertThat(first.unitPrice()).isEqualByComparingTo("12.00");

        PricedLine second = order.lines().get(1);
        assertThat(second.grossValue()).isEqualTo(pen("16.94"));
        assertThat(second.discountValue()).isEqualTo(pen("1.69"));
        assertThat(second.base()).isEqualTo(pen("15.25"));
        assertThat(second.tax()).isEqualTo(pen("2.75"));
        assertThat(second.total()).isEqualTo(pen("18.00"));

        assertThat(order.subtotal()).isEqualTo(pen("47.45"));
        assertThat(order.baseTotal()).isEqualTo(pen("45.76"));
        assertThat(order.taxTotal()).isEqualTo(pen("8.24"));
        assertThat(order.total()).isEqualTo(pen("54.00"));
    }

    @Test
    void weighedQuantities() {
        // 0.375 kg x 24.90 = 9.3375 -> 9.34; base 9.34 / 1.18 = 7.915 -> 7.92, IGV 1.42
        // 1.250 kg x 7.99 = 9.9875 -> 9.99; base 9.99 / 1.18 = 8.466 -> 8.47, IGV 1.52
        PricedOrder order = INCLUSIVE_PEN.price(List.of(
                new LineItem("0.375", pen("24.90"), IGV),
                new LineItem("1.25", pen("7.99"), IGV)));

        PricedLine cheese = order.lines().get(0);
        assertThat(cheese.quantity()).isEqualTo(new BigDecimal("0.375"));
        assertThat(cheese.total()).isEqualTo(pen("9.34"));
        assertThat(cheese.base()).isEqualTo(pen("7.92"));
        assertThat(cheese.tax()).isEqualTo(pen("1.42"));
        // SUNAT recomputes quantity x unit value: 0.375 x 21.12 = 7.92
        assertThat(cheese.unitValue()).isEqualByComparingTo("21.12");
        assertThat(cheese.unitPrice()).isEqualByComparingTo("24.9066666667");
        assertThat(order.lines().get(1).quantity()).isEqualTo(new BigDecimal("1.250"));
        assertThat(order.lines().get(1).total()).isEqualTo(pen("9.99"));
        assertThat(order.lines().get(1).base()).isEqualTo(pen("8.47"));

        assertThat(order.total()).isEqualTo(pen("19.33"));
        assertThat(order.baseTotal()).isEqualTo(pen("16.39"));
        assertThat(order.taxTotal()).isEqualTo(pen("2.94"));
    }

    @Test
    void orderDiscountThatDoesNotDivideEvenlyKeepsEveryCent() {
        // 10.00 over three lines of 20.00: 3.33 each would lose a cent; the first line takes 3.34
        PricedOrder order = INCLUSIVE_PEN.price(
                List.of(new LineItem("1", pen("20.00"), IGV), new LineItem("1", pen("20.00"), IGV),
                        new LineItem("1", pen("20.00"), IGV)),
                List.of(Discount.amount(pen("10.00"), "Vale de compra", "sup-luis")));

        assertThat(order.lines()).extracting(PricedLine::orderDiscountShare)
                .containsExactly(pen("3.34"), pen("3.33"), pen("3.33"));
        assertThat(order.total()).isEqualTo(pen("50.00"));
        // 16.66 / 1.18 = 14.118 -> 14.12; 16.67 / 1.18 = 14.127 -> 14.13
        assertThat(order.baseTotal()).isEqualTo(pen("42.38"));
        assertThat(order.taxTotal()).isEqualTo(pen("7.62"));
    }

    @Test
    void taxIsTheSumOfLineTaxesNotTheTaxOfTheTotal() {
        // three 1.00 items: each line 0.85 + 0.15; extracting IGV from 3.00 would give 2.54 + 0.46
        PricedOrder order = INCLUSIVE_PEN.price(List.of(new LineItem("1", pen("1.00"), IGV),
                new LineItem("1", pen("1.00"), IGV), new LineItem("1", pen("1.00"), IGV)));

        assertThat(order.lines()).allSatisfy(line -> {
            assertThat(line.base()).isEqualTo(pen("0.85"));
            assertThat(line.tax()).isEqualTo(pen("0.15"));
        });
        assertThat(order.baseTotal()).isEqualTo(pen("2.55"));
        assertThat(order.taxTotal()).isEqualTo(pen("0.45"));
        assertThat(order.total()).isEqualTo(pen("3.00"));
    }

    @Test
    void frenchVatAtEveryRate() {
        // 2 x 4.50 at 20%: 9.00 -> 7.50 + 1.50; 3 x 1.20 at 5.5%: 3.60 / 1.055 = 3.412 -> 3.41 + 0.19
        // 1 x 7.90 at 2.1%: 7.90 / 1.021 = 7.738 -> 7.74 + 0.16; 1 x 12.00 at 10%: 12 / 1.1 = 10.909 -> 10.91 + 1.09
        PricedOrder order = new OrderPricing(PriceBasis.TAX_INCLUSIVE, EUR).price(List.of(
                new LineItem("2", eur("4.50"), TaxRate.taxed("20")),
                new LineItem("3", eur("1.20"), TaxRate.taxed("5.5")),
                new LineItem("1", eur("7.90"), TaxRate.taxed("2.1")),
                new LineItem("1", eur("12.00"), TaxRate.taxed("10"))));

        assertThat(order.taxSubtotals()).containsExactly(
                new TaxSubtotal("10", new BigDecimal("20.00"), true, eur("7.50"), eur("1.50")),
                new TaxSubtotal("10", new BigDecimal("10.00"), true, eur("10.91"), eur("1.09")),
                new TaxSubtotal("10", new BigDecimal("5.50"), true, eur("3.41"), eur("0.19")),
                new TaxSubtotal("10", new BigDecimal("2.10"), true, eur("7.74"), eur("0.16")));
        assertThat(order.baseTotal()).isEqualTo(eur("29.56"));
        assertThat(order.taxTotal()).isEqualTo(eur("2.94"));
        assertThat(order.total()).isEqualTo(eur("32.50"));
    }

    @Test
    void aLineCanBeFullyDiscountedButNotBelowZero() {
        PricedOrder free = INCLUSIVE_PEN.price(List.of(
                new LineItem("1", pen("5.00"), IGV, Discount.percent("100", "Cortesía", "sup-luis")),
                new LineItem("1", pen("5.00"), IGV)));
        assertThat(free.lines().get(0).total()).isEqualTo(pen("0.00"));
        assertThat(free.lines().get(0).tax()).isEqualTo(pen("0.00"));
        assertThat(free.total()).isEqualTo(pen("5.00"));

        assertThatThrownBy(() -> INCLUSIVE_PEN.price(List.of(new LineItem("1", pen("5.00"), IGV),
                new LineItem("1", pen("3.00"), IGV, Discount.percent("50", "Promo", "cajero-ana"),
                        Discount.amount(pen("2.00"), "Cupón", "cajero-ana")))))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("The discount \"Cupón\" of 2.00 PEN on line 2 is more than the 1.50 PEN it applies to;"
                        + " a discount cannot make line 2 negative");
    }

    @Test
    void anOrderDiscountCannotMakeTheOrderNegative() {
        assertThatThrownBy(() -> INCLUSIVE_PEN.price(List.of(new LineItem("2", pen("4.00"), IGV)),
                List.of(Discount.percent("50", "Promo", "cajero-ana"), Discount.amount(pen("4.01"), "Vale", "cajero-ana"))))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessageContaining("\"Vale\" of 4.01 PEN on the order is more than the 4.00 PEN it applies to");
    }

    @Test
    void refusesLinesInAnotherCurrency() {
        assertThatThrownBy(() -> INCLUSIVE_PEN.price(List.of(new LineItem("1", eur("1.00"), IGV))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 1 is priced in EUR on an order in PEN");
    }

    @Test
    void anEmptyOrderIsWorthNothing() {
        PricedOrder order = INCLUSIVE_PEN.price(List.of());
        assertThat(order.total()).isEqualTo(pen("0.00"));
        assertThat(order.taxSubtotals()).isEmpty();
    }
}
