package io.cuadra.billing.domain;

import io.cuadra.billing.domain.france.FrenchDocumentKind;

/**
 * What a stored billing document is. The SUNAT kinds are sent as UBL; the French ones are printed only.
 */
public enum BillingDocumentKind {

    FACTURA(DocumentKind.FACTURA, null),
    BOLETA(DocumentKind.BOLETA, null),
    CREDIT_NOTE(DocumentKind.CREDIT_NOTE, null),
    FACTURE(null, FrenchDocumentKind.FACTURE),
    AVOIR(null, FrenchDocumentKind.AVOIR);

    private final DocumentKind sunat;
    private final FrenchDocumentKind french;

    BillingDocumentKind(DocumentKind sunat, FrenchDocumentKind french) {
        this.sunat = sunat;
        this.french = french;
    }

    public boolean isSunat() {
        return sunat != null;
    }

    public boolean isCreditNote() {
        return this == CREDIT_NOTE || this == AVOIR;
    }

    public DocumentKind sunatKind() {
        return sunat;
    }

    public FrenchDocumentKind frenchKind() {
        return french;
    }

    /** SUNAT catalog 01 code, or "FR"/"AV" for French documents (never sent anywhere). */
    public String typeCode() {
        return switch (this) {
            case FACTURE -> "FR";
            case AVOIR -> "AV";
            default -> sunat.sunatCode();
        };
    }

    /** The credit note that corrects a document of this kind. */
    public BillingDocumentKind creditNoteKind() {
        return switch (this) {
            case FACTURA, BOLETA -> CREDIT_NOTE;
            case FACTURE -> AVOIR;
            default -> throw new IllegalArgumentException("A credit note is not corrected by another credit note.");
        };
    }

    public static BillingDocumentKind byTypeCode(String code) {
        for (BillingDocumentKind k : values()) {
            if (k.typeCode().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown document type " + code);
    }
}
