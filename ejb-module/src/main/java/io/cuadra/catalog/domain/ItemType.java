package io.cuadra.catalog.domain;

/** Goods kept in stock, or work done (a lab exam): only goods can track lots and expiry. */
public enum ItemType {
    PRODUCT, SERVICE
}
