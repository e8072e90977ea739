package io.cuadra.shopify.application;

import io.cuadra.identity.domain.Action;
import io.cuadra.shopify.infrastructure.ShopifyPayloads;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Takes a waiting order again, as stored, after a person fixed what held it (mapped a SKU, fixed a price). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShopifyRetry {

    @EJB
    ShopifyReview review;

    @Inject
    ShopifyOrderIntake intake;

    /** Returns the reason it still waits, or null when it became a Cuadra order. */
    public String retry(long reviewId) {
        ShopifySettingsService.require(Action.EDIT);
        ShopifyReview.Waiting waiting = review.find(reviewId);
        intake.take(ShopifyPayloads.orderFromRest(ShopifyPayloads.parse(waiting.payload())), null);
        return review.waiting().stream().filter(w -> w.id() == reviewId).findFirst()
                .map(ShopifyReview.Waiting::reason).orElse(null);
    }
}
