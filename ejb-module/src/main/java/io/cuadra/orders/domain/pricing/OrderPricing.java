package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Prices an order the way the counter and SUNAT both see it: line by line, then sums.
 *
 * <ol>
 *   <li>Each line's gross amount is quantity x unit price, rounded to the cent.</li>
 *   <li>The line's own discounts apply one after the other; a percentage is rounded to the cent.</li>
 *   <li>The order discounts apply one after the other to the sum of what the lines have left, then
 *       their sum is prorated over the lines in proportion to those amounts, to the cent.</li>
 *   <li>Each line's remaining amount is split into base and tax according to the {@link PriceBasis}:
 *       the only tax rounding, once per line.</li>
 *   <li>Order totals are sums of line amounts.</li>
 * </ol>
 * A discount that would make a line or the order negative is refused with an
 * {@link io.cuadra.orders.domain.OrderRuleViolation}.
 */
public final class OrderPricing {

    private final PriceBasis basis;
    private final Currency currency;

    public OrderPricing(PriceBasis basis, Currency currency) {
        this.basis = Objects.requireNonNull(basis, "basis");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public PricedOrder price(List<LineItem> items, List<Discount> orderDiscounts) {
        List<List<AppliedDiscount>> lineDiscounts = new ArrayList<>(items.size());
        List<Money> netAmounts = new ArrayList<>(items.size());
        Money orderAmount = Money.zero(currency);
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            if (!item.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is priced in " + item.unitPrice().currency()
                        + " on an order in " + currency);
            }
            List<AppliedDiscount> applied = AppliedDiscount.inSequence(DiscountLevel.LINE, item.grossAmount(),
                    item.discounts(), "line " + (i + 1));
            Money net = item.grossAmount().minus(AppliedDiscount.sum(applied, Money.zero(currency)));
            lineDiscounts.add(applied);
            netAmounts.add(net);
            orderAmount = orderAmount.plus(net);
        }
        List<AppliedDiscount> orderApplied = AppliedDiscount.inSequence(DiscountLevel.ORDER, orderAmount,
                orderDiscounts, "the order");
        List<Money> shares = Proration.prorate(AppliedDiscount.sum(orderApplied, Money.zero(currency)), netAmounts);
        List<PricedLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(new PricedLine(i + 1, items.get(i), basis, lineDiscounts.get(i), shares.get(i)));
        }
        return new PricedOrder(basis, currency, lines, orderApplied);
    }

    public PricedOrder price(List<LineItem> items) {
        return price(items, List.of());
    }
}
