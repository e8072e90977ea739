package io.cuadra.orders.application;

import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.SalesChannel;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the counter (or a REST client) asks for it. Lines name the item by id or by code;
 * payments taken with the registration are applied in the order given.
 *
 * @param customerId null only for an anonymous counter sale
 */
public record OrderDraft(long locationId, Long customerId, SalesChannel channel, String notes, List<Line> lines,
                         List<Discount> discounts, List<PaymentDraft> payments) {

    public OrderDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /** @param lotId the lot the cashier picked, null to let inventory choose (FEFO) */
    public record Line(Long itemId, String itemCode, BigDecimal quantity, Long lotId, List<Discount> discounts) {
        public Line {
            discounts = discounts == null ? List.of() : List.copyOf(discounts);
        }
    }

    /** A percent (up to two decimals) or a fixed amount, with why. */
    public record Discount(OrderDiscount.Kind kind, BigDecimal value, String reason) {
    }
}
