package io.cuadra.reconciliation.domain.closure;

/** What can be wrong with a day, as the reconciliation issue names it. */
public enum DiscrepancyType {
    /** A paid order without an invoice or receipt. */
    MISSING_INVOICE,
    /** A document whose order is missing or belongs to another day or location. */
    MISSING_ORDER,
    /** The invoices of an order do not add up to the order total. */
    AMOUNT_MISMATCH,
    /** A paid order whose payments do not add up to its total, or a card/transfer payment without reference. */
    PAYMENT_MISMATCH
}
