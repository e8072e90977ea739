package io.cuadra.shopify.infrastructure;

/** Shopify could not be asked (down, refusing, throttling for too long): the pull stops and tries at the next run. */
public class ShopifyUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopifyUnavailable(String message) {
        super(message);
    }
}
