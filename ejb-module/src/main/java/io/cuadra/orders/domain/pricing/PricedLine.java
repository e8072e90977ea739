package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One line with every amount an invoice needs, all derived from the item, its discounts and its share
 * of the order discounts, so they cannot disagree with each other:
 * <ul>
 *   <li>{@link #grossAmount()}: quantity x unit price in the catalog's basis, before discounts;</li>
 *   <li>{@link #netAmount()}: gross minus all discounts, still in the catalog's basis;</li>
 *   <li>{@link #base()} (SUNAT LineExtensionAmount), {@link #tax()} and {@link #total()}, where
 *       base + tax = total exactly;</li>
 *   <li>{@link #grossValue()} and {@link #discountValue()}: the same line without tax before and after
 *       discounts, so that grossValue - discountValue = base (SUNAT's allowance on the line);</li>
 *   <li>{@link #unitValue()} (SUNAT "valor unitario", PriceAmount) and {@link #unitPrice()} (SUNAT
 *       "precio de venta unitario", after discounts and with tax), to ten decimals.</li>
 * </ul>
 *
 * @param number             position on the order, from 1
 * @param lineDiscounts      the discounts granted on this line, as applied
 * @param orderDiscountShare this line's share of the order-level discounts
 */
public record PricedLine(int number, LineItem item, PriceBasis basis, List<AppliedDiscount> lineDiscounts,
                         Money orderDiscountShare) {

    /** SUNAT accepts unit values with up to ten decimals; more precision would not be read. */
    public static final int UNIT_SCALE = 10;

    public PricedLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(orderDiscountShare, "orderDiscountShare");
        lineDiscounts = List.copyOf(lineDiscounts);
        if (lineDiscounts.stream().anyMatch(d -> d.level() != DiscountLevel.LINE)) {
            throw new IllegalArgumentException("Order-level discounts reach a line only as its share");
        }
        if (orderDiscountShare.isNegative()) {
            throw new IllegalArgumentException("A line's share of the order discounts cannot be negative");
        }
        Money discounts = AppliedDiscount.sum(lineDiscounts, Money.zero(item.unitPrice().currency()))
                .plus(orderDiscountShare);
        if (discounts.isGreaterThan(item.grossAmount())) {
            throw new IllegalArgumentException("Discounts of " + discounts + " exceed line " + number
                    + " worth " + item.grossAmount());
        }
    }

    public BigDecimal quantity() {
        return item.quantity();
    }

    public TaxRate taxRate() {
        return item.tax();
    }

    public Money grossAmount() {
        return item.grossAmount();
    }

    public Money lineDiscountTotal() {
        return AppliedDiscount.sum(lineDiscounts, zero());
    }

    /** Everything taken off this line: its own discounts and its share of the order's. */
    public Money discountTotal() {
        return lineDiscountTotal().plus(orderDiscountShare);
    }

    /** What remains after every discount, in the catalog's basis: the total or the base. */
    public Money netAmount() {
        return grossAmount().minus(discountTotal());
    }

    /** The line amount split into base and tax: the rounding happens here, once per line. */
    public TaxedAmount amounts() {
        return basis.split(netAmount(), item.tax());
    }

    /** Value without tax after discounts (SUNAT LineExtensionAmount). */
    public Money base() {
        return amounts().base();
    }

    public Money tax() {
        return amounts().tax();
    }

    public Money total() {
        return amounts().total();
    }

    /**
     * The value without tax before discounts. With prices including tax it is extracted from the gross
     * amount the same way the base is extracted from the net amount, so the tax-free discount below
     * is zero when there is no discount and never negative.
     */
    public Money grossValue() {
        return basis.split(grossAmount(), item.tax()).base();
    }

    /** The discounts without tax (SUNAT's line allowance): gross value minus base, to the cent. */
    public Money discountValue() {
        return grossValue().minus(base());
    }

    /**
     * Value per unit without tax before discounts. With prices excluding tax it is the catalog price;
     * with prices including tax it is derived from the gross value so that quantity x unit value gives
     * the gross value back, the way SUNAT recomputes the line.
     */
    public BigDecimal unitValue() {
        if (basis == PriceBasis.TAX_EXCLUSIVE) {
            return item.unitPrice().amount().setScale(UNIT_SCALE);
        }
        return grossValue().amount().divide(quantity(), UNIT_SCALE, RoundingMode.HALF_UP);
    }

    /** Price per unit with tax after discounts: total / quantity (SUNAT "precio de venta unitario"). */
    public BigDecimal unitPrice() {
        return total().amount().divide(quantity(), UNIT_SCALE, RoundingMode.HALF_UP);
    }

    private Money zero() {
        return Money.zero(item.unitPrice().currency());
    }
}
