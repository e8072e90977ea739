package io.cuadra.orders.application;

import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.shared.domain.BusinessException;

import java.math.BigDecimal;
import java.util.List;

/**
 * A draft priced the way registering it would price it, nothing stored: the counter's live totals.
 *
 * @param order            the order as it would be registered (no number, never stored), its lines,
 *                         discounts, totals and the payments the draft could apply
 * @param needingApproval  the discounts above the tenant's threshold
 * @param thresholdPercent the threshold they went above
 * @param callerMayApprove whether the caller has orders:approve (else registering is refused)
 * @param paymentProblem   why the first refused payment of the draft was refused, or null
 * @param paymentIndex     which payment of the draft that was (0-based), or -1
 * @param paymentRefusal   the refusal itself, for a boundary that words it in the user's language, or null
 */
public record OrderQuote(Order order, List<OrderDiscount> needingApproval, BigDecimal thresholdPercent,
                         boolean callerMayApprove, String paymentProblem, int paymentIndex,
                         BusinessException paymentRefusal) {

    public OrderQuote {
        needingApproval = List.copyOf(needingApproval);
    }

    public OrderQuote(Order order, List<OrderDiscount> needingApproval, BigDecimal thresholdPercent,
                      boolean callerMayApprove, String paymentProblem) {
        this(order, needingApproval, thresholdPercent, callerMayApprove, paymentProblem, -1, null);
    }

    /** Registering this draft would be refused for its discounts. */
    public boolean approvalMissing() {
        return !needingApproval.isEmpty() && !callerMayApprove;
    }
}
