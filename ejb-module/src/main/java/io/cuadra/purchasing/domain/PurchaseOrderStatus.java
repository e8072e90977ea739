package io.cuadra.purchasing.domain;

/** DRAFT → ORDERED → PARTIALLY_RECEIVED → RECEIVED; CANCELLED from DRAFT or ORDERED. */
public enum PurchaseOrderStatus {
    DRAFT, ORDERED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED
}
