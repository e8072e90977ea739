package io.cuadra.identity.domain;

/** The parts of the back office a permission can name. */
public enum Module {
    USERS, SETTINGS, CATALOG, CUSTOMERS, ORDERS, PAYMENTS, BILLING, INVENTORY, PURCHASING, RECONCILIATION,
    REPORTS, AUDIT
}
