package io.cuadra.shopify.domain;

import java.time.Instant;

/**
 * A Shopify customer as both the webhooks and the Admin API describe it; any part but the id may be missing.
 *
 * @param updatedAt when Shopify last changed it; null when the payload does not say (an order's embedded customer)
 */
public record ShopifyCustomer(long id, String email, String phone, String firstName, String lastName, Instant updatedAt) {

    public ShopifyCustomer(long id, String email, String phone, String firstName, String lastName) {
        this(id, email, phone, firstName, lastName, null);
    }

    public boolean reachable() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
