package io.cuadra.billing.domain.france;

/** A French sales document: an invoice, or a credit note ("avoir") correcting one. */
public enum FrenchDocumentKind {

    FACTURE("FACTURE"),
    AVOIR("AVOIR");

    private final String printedTitle;

    FrenchDocumentKind(String printedTitle) {
        this.printedTitle = printedTitle;
    }

    public String printedTitle() {
        return printedTitle;
    }
}
