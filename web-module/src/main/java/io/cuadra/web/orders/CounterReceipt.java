package io.cuadra.web.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the counter shows once a sale is registered: its total, what the customer handed over, the
 * change to give back and what is left to pay, and the invoice whose 80 mm ticket prints.
 *
 * @param received what the customer handed over: the payments applied plus the change given back
 * @param change   the change due to the customer
 * @param due      what the sale still owes (a sale registered without full payment)
 */
public record CounterReceipt(long orderId, String number, BigDecimal total, BigDecimal received, BigDecimal change,
                             BigDecimal due, Long invoiceId, String invoiceNumber) implements Serializable {

    private static final int CENTS = 2;

    /**
     * From the order's stored money: {@code paid} is what its payments applied (never more than the total),
     * {@code change} what cash tendered above it gave back.
     */
    public static CounterReceipt of(long orderId, String number, BigDecimal total, BigDecimal paid, BigDecimal change,
                                    Long invoiceId, String invoiceNumber) {
        BigDecimal t = cents(total);
        BigDecimal p = cents(paid);
        BigDecimal c = cents(change);
        BigDecimal due = t.subtract(p).max(BigDecimal.ZERO.setScale(CENTS));
        return new CounterReceipt(orderId, number, t, p.add(c), c, due, invoiceId, invoiceNumber);
    }

    public boolean paidInFull() {
        return due.signum() == 0;
    }

    private static BigDecimal cents(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(CENTS, RoundingMode.HALF_UP);
    }
}
