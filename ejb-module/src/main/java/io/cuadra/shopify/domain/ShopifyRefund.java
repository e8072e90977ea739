package io.cuadra.shopify.domain;

import io.cuadra.orders.domain.ReturnRequest;
import io.cuadra.shared.domain.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A refund made in Shopify (the refunds/create webhook): which lines come back and how many, whether Shopify put
 * them back in stock, and the money its refund transactions gave back.
 *
 * @param amount the successful refund transactions' sum; zero when the refund gave no money back
 */
public record ShopifyRefund(long id, long orderId, List<Line> lines, BigDecimal amount, String note) {

    public ShopifyRefund {
        lines = List.copyOf(lines);
    }

    /** @param restockType Shopify's: no_restock, cancel, return, legacy_restock */
    public record Line(String sku, BigDecimal quantity, String restockType) {

        /** Goods Shopify did not restock are not sellable any more: they go to wastage, not back to their lot. */
        public boolean damaged() {
            return "no_restock".equals(restockType);
        }
    }

    /** A line of the Cuadra order the refund is about: its number, item, and how much can still come back. */
    public record OrderLineLeft(int lineNumber, long itemId, BigDecimal left) {
    }

    /** A refund of money only (shipping, a goodwill gesture): no line comes back. */
    public boolean moneyOnly() {
        return lines.stream().noneMatch(l -> l.quantity() != null && l.quantity().signum() > 0);
    }

    /**
     * Exactly the refunded quantities as a Cuadra return: each refunded SKU is the item of that SKU
     * ({@code itemOfSku}, null when none), taken from the order's lines of that item in line order, each up to
     * what can still come back, written off or not by the tenant's {@code restock} rule. A SKU the order does not
     * have, or more than is left, is refused: a person looks.
     */
    public List<ReturnRequest> returnRequests(List<OrderLineLeft> orderLines, Function<String, Long> itemOfSku,
                                              RefundRestock restock) {
        Map<Integer, BigDecimal> left = new LinkedHashMap<>();
        orderLines.forEach(l -> left.put(l.lineNumber(), l.left()));
        Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
        Map<Integer, Boolean> damaged = new LinkedHashMap<>();
        for (Line refunded : lines) {
            if (refunded.quantity() == null || refunded.quantity().signum() <= 0) {
                continue;
            }
            Long item = refunded.sku() == null || refunded.sku().isBlank() ? null : itemOfSku.apply(refunded.sku().strip());
            BigDecimal wanted = refunded.quantity();
            for (OrderLineLeft line : orderLines) {
                if (item == null || line.itemId() != item || wanted.signum() == 0) {
                    continue;
                }
                BigDecimal take = wanted.min(left.get(line.lineNumber()));
                if (take.signum() > 0) {
                    quantities.merge(line.lineNumber(), take, BigDecimal::add);
                    damaged.merge(line.lineNumber(), restock.writesOff(refunded), Boolean::logicalOr);
                    left.put(line.lineNumber(), left.get(line.lineNumber()).subtract(take));
                    wanted = wanted.subtract(take);
                }
            }
            if (wanted.signum() > 0) {
                String sku = refunded.sku() == null ? "(no SKU)" : refunded.sku();
                throw new RuleViolation("Refund " + id + ": " + wanted.stripTrailingZeros().toPlainString() + " of SKU "
                        + sku + " cannot come back: the order has no more of it left.")
                        .withKey("shopify.refundNotInOrder", String.valueOf(id), wanted.stripTrailingZeros().toPlainString(), sku);
            }
        }
        List<ReturnRequest> requests = new ArrayList<>();
        quantities.forEach((line, q) -> requests.add(new ReturnRequest(line, q, damaged.get(line))));
        return requests;
    }
}
