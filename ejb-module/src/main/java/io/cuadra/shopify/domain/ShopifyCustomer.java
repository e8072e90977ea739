package io.cuadra.shopify.domain;

/** A Shopify customer as both the webhooks and the Admin API describe it; any part but the id may be missing. */
public record ShopifyCustomer(long id, String email, String phone, String firstName, String lastName) {

    public boolean reachable() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
