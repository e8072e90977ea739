package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A priced order. Every order amount is a sum of line amounts, never recomputed from other order
 * amounts, so the totals on the invoice reconcile with its lines to the cent.
 *
 * @param orderDiscounts the order-level discounts as applied; their sum is spread over the lines
 */
public record PricedOrder(PriceBasis basis, Currency currency, List<PricedLine> lines,
                          List<AppliedDiscount> orderDiscounts) {

    public PricedOrder {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        orderDiscounts = List.copyOf(orderDiscounts);
        if (orderDiscounts.stream().anyMatch(d -> d.level() != DiscountLevel.ORDER)) {
            throw new IllegalArgumentException("Line discounts belong to their line");
        }
        Money shared = sum(PricedLine::orderDiscountShare, lines, Money.zero(currency));
        if (!shared.equals(AppliedDiscount.sum(orderDiscounts, Money.zero(currency)))) {
            throw new IllegalArgumentException("The lines' shares of the order discounts must add up to them");
        }
    }

    /** Sum of the lines' gross amounts, in the catalog's basis, before any discount. */
    public Money subtotal() {
        return sum(PricedLine::grossAmount);
    }

    public Money lineDiscountTotal() {
        return sum(PricedLine::lineDiscountTotal);
    }

    public Money orderDiscountTotal() {
        return AppliedDiscount.sum(orderDiscounts, zero());
    }

    /** All discounts, in the catalog's basis: subtotal - discountTotal is what remains to tax or pay. */
    public Money discountTotal() {
        return sum(PricedLine::discountTotal);
    }

    /** Sum of the line bases (SUNAT LegalMonetaryTotal/LineExtensionAmount). */
    public Money baseTotal() {
        return sum(PricedLine::base);
    }

    public Money taxTotal() {
        return sum(PricedLine::tax);
    }

    /** What the customer pays: the sum of the line totals. */
    public Money total() {
        return sum(PricedLine::total);
    }

    /** The line discounts then the order discounts, each as applied, for auditing and approval. */
    public List<AppliedDiscount> appliedDiscounts() {
        List<AppliedDiscount> all = new ArrayList<>();
        lines.forEach(line -> all.addAll(line.lineDiscounts()));
        all.addAll(orderDiscounts);
        return List.copyOf(all);
    }

    /**
     * Base and tax per (affectation code, percent), ordered by code then percent descending so the
     * invoice lists them the same way every time.
     */
    public List<TaxSubtotal> taxSubtotals() {
        Map<TaxRate, List<PricedLine>> byRate = new LinkedHashMap<>();
        for (PricedLine line : lines) {
            byRate.computeIfAbsent(line.taxRate(), r -> new ArrayList<>()).add(line);
        }
        return byRate.entrySet().stream()
                .map(e -> new TaxSubtotal(e.getKey().affectationCode(), e.getKey().percent(), e.getKey().taxed(),
                        sum(PricedLine::base, e.getValue(), zero()), sum(PricedLine::tax, e.getValue(), zero())))
                .sorted(Comparator.comparing(TaxSubtotal::affectationCode)
                        .thenComparing(TaxSubtotal::percent, Comparator.reverseOrder()))
                .toList();
    }

    private Money sum(Function<PricedLine, Money> amount) {
        return sum(amount, lines, zero());
    }

    private static Money sum(Function<PricedLine, Money> amount, List<PricedLine> lines, Money zero) {
        Money total = zero;
        for (PricedLine line : lines) {
            total = total.plus(amount.apply(line));
        }
        return total;
    }

    private Money zero() {
        return Money.zero(currency);
    }
}
