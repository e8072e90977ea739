package io.cuadra.orders.domain;

/** Where the order was taken. */
public enum SalesChannel {
    COUNTER,
    WHATSAPP,
    WEB,
    SHOPIFY
}
