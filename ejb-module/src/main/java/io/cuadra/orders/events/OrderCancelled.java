package io.cuadra.orders.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fired synchronously, inside the cancelling transaction. Inventory returns what a paid order took
 * (RETURN moves into the same lots) or releases a reservation; billing issues the credit note of an
 * invoiced order.
 *
 * @param wasPaid whether the order was fully paid before this cancellation
 * @param refunds what goes back to the customer per payment method code
 */
public record OrderCancelled(OrderSnapshot order, String reason, boolean wasPaid, List<Refund> refunds) {

    public OrderCancelled {
        refunds = List.copyOf(refunds);
    }

    public record Refund(String methodCode, String methodKind, BigDecimal amount) {
    }
}
