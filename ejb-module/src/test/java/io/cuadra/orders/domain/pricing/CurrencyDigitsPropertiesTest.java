package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders priced in a currency with no minor unit (CLP) and in ones with cents (PEN, EUR, MXN), both price
 * bases, with order discounts: every amount has exactly the currency's digits and the order adds up — the
 * total is the sum of the line totals, each line's base + tax is its total, the tax subtotals add up.
 */
class CurrencyDigitsPropertiesTest {

    private static final List<TaxRate> RATES = List.of(TaxRate.taxed("19"), TaxRate.taxed("16"), TaxRate.taxed("18"),
            TaxRate.taxed("20"), TaxRate.taxed("5.5"), TaxRate.exempt());

    @Property(tries = 800)
    void everyAmountHasTheCurrencysDigitsAndTheLinesAddUpToTheTotal(@ForAll("orders") Sale sale) {
        PricedOrder order = new OrderPricing(sale.basis(), sale.currency()).price(sale.lines(), sale.discounts());
        int digits = Money.digits(sale.currency());
        Money zero = Money.zero(sale.currency());
        Money lineTotals = zero;
        Money lineTaxes = zero;
        for (PricedLine line : order.lines()) {
            for (Money m : List.of(line.base(), line.tax(), line.total(), line.orderDiscountShare(), line.discountTotal())) {
                assertThat(m.amount().scale()).as(sale + ": " + m).isEqualTo(digits);
            }
            assertThat(line.base().plus(line.tax())).isEqualTo(line.total());
            lineTotals = lineTotals.plus(line.total());
            lineTaxes = lineTaxes.plus(line.tax());
        }
        assertThat(order.total().amount().scale()).isEqualTo(digits);
        assertThat(order.total()).as(sale.toString()).isEqualTo(lineTotals);
        assertThat(order.taxTotal()).isEqualTo(lineTaxes);
        Money bases = order.taxSubtotals().stream().map(TaxSubtotal::base).reduce(zero, Money::plus);
        Money taxes = order.taxSubtotals().stream().map(TaxSubtotal::tax).reduce(zero, Money::plus);
        assertThat(bases.plus(taxes)).isEqualTo(order.total());
        assertThat(order.subtotal().minus(order.discountTotal()))
                .isEqualTo(sale.basis() == PriceBasis.TAX_INCLUSIVE ? order.total() : order.baseTotal());
    }

    @Property(tries = 300)
    void anAmountRoundsHalfUpToTheMinorUnitOnce(@ForAll("currencies") Currency currency,
                                                @ForAll("hundredths") long hundredths) {
        BigDecimal value = BigDecimal.valueOf(hundredths, 2);
        Money m = Money.of(value, currency);
        int digits = Money.digits(currency);
        assertThat(m.amount().scale()).isEqualTo(digits);
        assertThat(m.amount().subtract(value).abs())
                .as("moves by at most half a minor unit")
                .isLessThanOrEqualTo(BigDecimal.ONE.movePointLeft(digits).divide(BigDecimal.valueOf(2)));
        assertThat(Money.fits(value, currency)).isEqualTo(m.amount().compareTo(value) == 0);
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("CLP", "PEN", "EUR", "MXN").map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Long> hundredths() {
        return Arbitraries.longs().between(0, 99_999_999L);
    }

    @Provide
    Arbitrary<Sale> orders() {
        return currencies().flatMap(currency -> {
            int digits = Money.digits(currency);
            Arbitrary<LineItem> line = Combinators.combine(
                    Arbitraries.oneOf(Arbitraries.integers().between(1, 12).map(BigDecimal::valueOf),
                            Arbitraries.integers().between(1, 50_000).map(q -> BigDecimal.valueOf(q, 3))),
                    Arbitraries.longs().between(1, digits == 0 ? 500_000 : 5_000_000)
                            .map(units -> Money.of(BigDecimal.valueOf(units, digits), currency)),
                    Arbitraries.of(RATES)).as((q, price, rate) -> new LineItem(q, price, rate, List.of()));
            Arbitrary<List<Discount>> discounts = Arbitraries.integers().between(0, 3000)
                    .map(p -> p == 0 ? List.<Discount>of()
                            : List.of(new Discount.Percentage(BigDecimal.valueOf(p, 2), "Promo", "ana")));
            return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(8), discounts,
                            Arbitraries.of(PriceBasis.values()))
                    .as((lines, d, basis) -> new Sale(currency, basis, lines, d));
        });
    }

    record Sale(Currency currency, PriceBasis basis, List<LineItem> lines, List<Discount> discounts) {
    }
}
