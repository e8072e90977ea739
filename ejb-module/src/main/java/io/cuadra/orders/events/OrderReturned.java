package io.cuadra.orders.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fired synchronously, inside the returning transaction, when goods of a completed sale come back.
 * Billing issues the credit note of the lines (SUNAT catalog 09 code 07, a French avoir); inventory puts
 * the goods back into the lots they left from, or writes them off when damaged. Throwing rolls it all back.
 *
 * @param amount  value plus tax of what came back: the credit note's total and the refund
 * @param refunds what goes back to the customer per payment method code, in today's day
 */
public record OrderReturned(OrderSnapshot order, long returnId, String reason, BigDecimal amount, List<Line> lines,
                            List<OrderCancelled.Refund> refunds) {

    public OrderReturned {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /**
     * One line that came back: which order line, how much, whether it is damaged, and its value without tax
     * and its tax as the credit note carries them (so nobody downstream prorates the line again).
     */
    public record Line(long lineId, int lineNumber, long itemId, BigDecimal quantity, boolean damaged, BigDecimal value,
                       BigDecimal tax) {
    }
}
