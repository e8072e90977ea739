package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Thousands of random orders (seeded, so a failure replays) checked against the invariants an invoice
 * must satisfy, in both price bases, with weighed quantities, mixed rates and discounts at both levels.
 */
class OrderPricingPropertiesTest {

    private static final long SEED = 20_261_121L;
    private static final int ORDERS = 5_000;
    private static final Currency PEN = Currency.getInstance("PEN");
    private static final Money ZERO = Money.zero(PEN);
    private static final BigDecimal ONE_CENT = new BigDecimal("0.01");
    private static final List<TaxRate> RATES = List.of(TaxRate.taxed("18"), TaxRate.taxed("18"), TaxRate.exempt(),
            TaxRate.unaffected(), TaxRate.taxed("20"), TaxRate.taxed("10"), TaxRate.taxed("5.5"), TaxRate.taxed("2.1"),
            new TaxRate(new BigDecimal("4"), "17", true));

    private final Random random = new Random(SEED);

    @Test
    void everyRandomOrderReconcilesToTheCent() {
        int discounted = 0;
        for (int n = 0; n < ORDERS; n++) {
            PriceBasis basis = random.nextBoolean() ? PriceBasis.TAX_INCLUSIVE : PriceBasis.TAX_EXCLUSIVE;
            List<LineItem> items = randomLines();
            Money orderAmount = items.stream().map(this::netOfLineDiscounts).reduce(ZERO, Money::plus);
            List<Discount> orderDiscounts = randomDiscounts(orderAmount);
            PricedOrder order = new OrderPricing(basis, PEN).price(items, orderDiscounts);
            String replay = "order #" + n + " (seed " + SEED + ")";

            assertInvariants(order, replay);
            if (!order.discountTotal().isZero()) {
                discounted++;
            }
        }
        // the generator must really exercise discounts, or the discount invariants prove nothing
        assertThat(discounted).isGreaterThan(ORDERS / 2);
    }

    @Test
    void aFixedDiscountAboveWhatIsLeftIsAlwaysRefused() {
        for (int n = 0; n < 500; n++) {
            List<LineItem> items = randomLines();
            Money orderAmount = items.stream().map(this::netOfLineDiscounts).reduce(ZERO, Money::plus);
            Discount tooMuch = Discount.amount(orderAmount.plus(Money.of(ONE_CENT, PEN)), "Vale", "ana");
            assertThatThrownBy(() -> new OrderPricing(PriceBasis.TAX_INCLUSIVE, PEN).price(items, List.of(tooMuch)))
                    .isInstanceOf(OrderRuleViolation.class);
        }
    }

    private void assertInvariants(PricedOrder order, String replay) {
        Money lineTotals = ZERO;
        Money lineTaxes = ZERO;
        Money lineDiscounts = ZERO;
        for (PricedLine line : order.lines()) {
            String where = replay + ", line " + line.number();
            assertThat(line.base().plus(line.tax())).as(where).isEqualTo(line.total());
            for (Money amount : List.of(line.grossAmount(), line.discountTotal(), line.netAmount(), line.base(),
                    line.tax(), line.total(), line.grossValue(), line.discountValue(), line.orderDiscountShare())) {
                assertThat(amount.isNegative()).as(where + ": no negative amount, got " + amount).isFalse();
            }
            assertThat(line.grossAmount().minus(line.discountTotal())).as(where)
                    .isEqualTo(order.basis() == PriceBasis.TAX_INCLUSIVE ? line.total() : line.base());
            if (!line.taxRate().taxed()) {
                assertThat(line.tax().isZero()).as(where).isTrue();
            }
            // SUNAT recomputes the line tax as base x rate; ours stays within a cent of it
            BigDecimal recomputedTax = line.base().amount().multiply(line.taxRate().rate());
            assertThat(line.tax().amount().subtract(recomputedTax).abs()).as(where).isLessThanOrEqualTo(ONE_CENT);
            // ...and the line value as quantity x unit value - discounts, and the total as quantity x unit price
            assertThat(Money.round(line.quantity().multiply(line.unitValue())).subtract(line.discountValue().amount()))
                    .as(where).isEqualByComparingTo(line.base().amount());
            assertThat(Money.round(line.quantity().multiply(line.unitPrice()))).as(where)
                    .isEqualByComparingTo(line.total().amount());
            lineTotals = lineTotals.plus(line.total());
            lineTaxes = lineTaxes.plus(line.tax());
            lineDiscounts = lineDiscounts.plus(line.discountTotal());
        }
        assertThat(order.total()).as(replay).isEqualTo(lineTotals);
        assertThat(order.taxTotal()).as(replay).isEqualTo(lineTaxes);
        assertThat(order.total().isNegative()).as(replay).isFalse();

        Money bases = order.taxSubtotals().stream().map(TaxSubtotal::base).reduce(ZERO, Money::plus);
        Money taxes = order.taxSubtotals().stream().map(TaxSubtotal::tax).reduce(ZERO, Money::plus);
        assertThat(bases.plus(taxes)).as(replay).isEqualTo(order.total());
        assertThat(taxes).as(replay).isEqualTo(order.taxTotal());
        assertThat(bases).as(replay).isEqualTo(order.baseTotal());

        Money applied = order.appliedDiscounts().stream().map(AppliedDiscount::amount).reduce(ZERO, Money::plus);
        assertThat(lineDiscounts).as(replay).isEqualTo(applied);
        assertThat(order.discountTotal()).as(replay).isEqualTo(applied);
        assertThat(order.subtotal().minus(order.discountTotal())).as(replay)
                .isEqualTo(order.basis() == PriceBasis.TAX_INCLUSIVE ? order.total() : order.baseTotal());
    }

    private List<LineItem> randomLines() {
        int count = 1 + random.nextInt(8);
        List<LineItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigDecimal quantity = random.nextInt(3) == 0
                    ? BigDecimal.valueOf(1 + random.nextInt(50_000), 3)   // weighed: 0.001 to 50.000
                    : BigDecimal.valueOf(1 + random.nextInt(12));         // counted
            Money unitPrice = Money.of(BigDecimal.valueOf(1 + random.nextInt(50_000), 2), PEN);
            Money gross = unitPrice.times(quantity);
            items.add(new LineItem(quantity, unitPrice, RATES.get(random.nextInt(RATES.size())), randomDiscounts(gross)));
        }
        return items;
    }

    /**
     * Up to two discounts applied in sequence that never go below zero: percentages (sometimes exactly
     * 100) and fixed amounts anywhere between one cent and all that is left.
     */
    private List<Discount> randomDiscounts(Money amount) {
        List<Discount> discounts = new ArrayList<>();
        Money remaining = amount;
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            long cents = remaining.amount().movePointRight(2).longValueExact();
            Discount discount;
            if (random.nextBoolean()) {
                BigDecimal percent = random.nextInt(20) == 0
                        ? BigDecimal.valueOf(100)
                        : BigDecimal.valueOf(1 + random.nextInt(5_000), 2);
                discount = new Discount.Percentage(percent, "Promo " + i, "ana");
            } else if (cents > 0) {
                discount = Discount.amount(Money.of(BigDecimal.valueOf(1 + random.nextLong(cents), 2), PEN), "Vale " + i, "ana");
            } else {
                continue;
            }
            discounts.add(discount);
            remaining = remaining.minus(discount.amountOn(remaining));
        }
        return discounts;
    }

    private Money netOfLineDiscounts(LineItem item) {
        List<AppliedDiscount> applied = AppliedDiscount.inSequence(DiscountLevel.LINE, item.grossAmount(),
                item.discounts(), "line");
        return item.grossAmount().minus(AppliedDiscount.sum(applied, ZERO));
    }
}
