package io.cuadra.shopify.application;

import io.cuadra.shared.domain.RuleViolation;

/** A Shopify order Cuadra cannot take as it stands (unknown SKU, different total): it waits in the review list. */
public class ShopifyReviewNeeded extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public ShopifyReviewNeeded(String reason) {
        super(reason);
    }
}
