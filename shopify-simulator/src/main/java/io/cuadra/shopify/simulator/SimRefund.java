package io.cuadra.shopify.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A refund made in the simulated shop: some lines of an order (or none: money only), each restocked or not, and the
 * money given back (the refunded lines at their price, or the amount given for a money-only refund).
 */
public record SimRefund(long id, long orderId, List<Line> lines, BigDecimal amount, Instant createdAt) {

    public SimRefund {
        lines = List.copyOf(lines);
    }

    /** @param restock false: Shopify's restock_type no_restock (the goods are not sellable again) */
    public record Line(String sku, int quantity, boolean restock) {
    }
}
