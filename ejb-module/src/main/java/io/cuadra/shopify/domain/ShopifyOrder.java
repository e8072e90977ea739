package io.cuadra.shopify.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * A Shopify order, whichever way it reached us (a webhook's REST payload or a GraphQL page), reduced to
 * what Cuadra acts on. Every delivery carries the whole order as it stands, so the newest one seen decides,
 * whatever order the deliveries arrive in.
 *
 * @param paid      the shop considers it paid (financial status paid, or more)
 * @param payments  the gateway's successful sale/capture transactions, if the source lists them
 */
public record ShopifyOrder(long id, String name, Instant updatedAt, String currency, BigDecimal total, boolean paid,
                           Instant cancelledAt, String cancelReason, ShopifyCustomer customer, List<Line> lines,
                           List<Payment> payments, String gateway) {

    public ShopifyOrder {
        total = money(total);
        lines = lines == null ? List.of() : List.copyOf(lines);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    public record Line(String sku, String title, BigDecimal quantity, BigDecimal unitPrice) {
    }

    public record Payment(String reference, String gateway, BigDecimal amount) {
        public Payment {
            amount = money(amount);
        }
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /**
     * What the shop has taken, as payments: its transactions when the source lists them; otherwise (a
     * webhook's order, which names the gateways only) one payment of the total once the shop says it is paid.
     */
    public List<Payment> takenPayments() {
        if (!payments.isEmpty()) {
            return payments;
        }
        return paid ? List.of(new Payment("shopify:" + id, gateway, total)) : List.of();
    }

    public BigDecimal takenTotal() {
        return takenPayments().stream().map(Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /**
     * The payment still to take on the Cuadra order given what it has already been paid: never more than the
     * shop took and the order's balance (a payment above the balance would be change, which a web order has none of).
     */
    public BigDecimal paymentDue(BigDecimal cuadraTotal, BigDecimal cuadraPaid) {
        BigDecimal due = takenTotal().min(money(cuadraTotal)).subtract(money(cuadraPaid));
        return due.signum() > 0 ? due : BigDecimal.ZERO.setScale(2);
    }

    /** Shopify's ids are numbers inside global ids ({@code gid://shopify/Order/123}) in the GraphQL API. */
    public static long idOf(String gidOrNumber) {
        String s = gidOrNumber.strip();
        int slash = s.lastIndexOf('/');
        return Long.parseLong(slash < 0 ? s : s.substring(slash + 1));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
