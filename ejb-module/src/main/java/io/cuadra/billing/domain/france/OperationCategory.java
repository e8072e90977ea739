package io.cuadra.billing.domain.france;

/** Nature of the operation, a mention French invoices carry with the e-invoicing reform. */
public enum OperationCategory {

    GOODS("Livraison de biens"),
    SERVICES("Prestation de services"),
    MIXED("Livraison de biens et prestation de services");

    private final String label;

    OperationCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
