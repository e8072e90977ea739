package io.cuadra.shopify.application;

import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shopify.domain.ShopifyOrder;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one order outside any transaction (webhook handler, pull, retry from the review list): a new
 * order is registered in one short transaction (its number row held only for that) and paid, cancelled and
 * invoiced in the next; when Cuadra refuses the order it is held for review in another one, with the
 * refusal as the reason, so nothing a shop sent is ever silently dropped.
 */
@ApplicationScoped
public class ShopifyOrderIntake {

    @EJB
    ShopifyOrderSync sync;

    public ShopifyOrderSync.Outcome take(ShopifyOrder order, Long inboxId) {
        return ShopifySystemCaller.call(() -> {
            try {
                boolean registered = sync.registerNew(order);
                ShopifyOrderSync.Outcome applied = sync.apply(order, inboxId);
                return registered ? ShopifyOrderSync.Outcome.CREATED : applied;
            } catch (BusinessException refused) {
                sync.holdForReview(order, refused.getMessage(), inboxId);
                return ShopifyOrderSync.Outcome.UNCHANGED;
            }
        });
    }

    /** A refund: returned, held for review when Cuadra refuses it, or WAITING for its order. */
    public ShopifyOrderSync.RefundOutcome takeRefund(io.cuadra.shopify.domain.ShopifyRefund refund, String payload,
                                                     Long inboxId) {
        return ShopifySystemCaller.call(() -> {
            try {
                return sync.applyRefund(refund, payload, inboxId);
            } catch (BusinessException refused) {
                sync.holdRefundForReview(refund, payload, refused.getMessage(), inboxId);
                return ShopifyOrderSync.RefundOutcome.UNCHANGED;
            }
        });
    }

    public Long takeCustomer(io.cuadra.shopify.domain.ShopifyCustomer customer, Long inboxId) {
        return ShopifySystemCaller.call(() -> sync.applyCustomer(customer, inboxId));
    }
}
