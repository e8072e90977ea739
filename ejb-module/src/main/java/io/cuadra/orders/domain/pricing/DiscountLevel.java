package io.cuadra.orders.domain.pricing;

/** Where a discount was granted: on one line, or on the whole order (then prorated over the lines). */
public enum DiscountLevel {
    LINE,
    ORDER
}
