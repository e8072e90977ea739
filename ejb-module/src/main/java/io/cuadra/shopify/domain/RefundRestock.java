package io.cuadra.shopify.domain;

/**
 * The tenant's rule for goods a Shopify refund brings back: as Shopify says per line (restocked, or
 * {@code no_restock}: written off), always back into their lots, or never (always written off as wastage).
 */
public enum RefundRestock {
    SHOPIFY, ALWAYS, NEVER;

    /** Whether a refunded line's goods are written off rather than put back into their lot. */
    public boolean writesOff(ShopifyRefund.Line line) {
        return switch (this) {
            case SHOPIFY -> line.damaged();
            case ALWAYS -> false;
            case NEVER -> true;
        };
    }
}
