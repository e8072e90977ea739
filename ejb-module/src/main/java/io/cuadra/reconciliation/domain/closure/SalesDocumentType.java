package io.cuadra.reconciliation.domain.closure;

/** Electronic sales documents; a credit note takes money back out of the registered total. */
public enum SalesDocumentType {
    /** Factura. */
    INVOICE("Invoice"),
    /** Boleta de venta. */
    RECEIPT("Receipt"),
    /** Nota de crédito. */
    CREDIT_NOTE("Credit note");

    private final String label;

    SalesDocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCreditNote() {
        return this == CREDIT_NOTE;
    }
}
