package io.cuadra.billing.domain;

import io.cuadra.billing.domain.france.FrenchDocumentKind;

/**
 * What a stored billing document is. The SUNAT kinds are sent as UBL; the French ones and the internal
 * receipts (countries with no integrated tax authority: CL, MX) are printed only.
 */
public enum BillingDocumentKind {

    FACTURA(DocumentKind.FACTURA, null),
    BOLETA(DocumentKind.BOLETA, null),
    CREDIT_NOTE(DocumentKind.CREDIT_NOTE, null),
    FACTURE(null, FrenchDocumentKind.FACTURE),
    AVOIR(null, FrenchDocumentKind.AVOIR),
    /** A numbered internal sale receipt: no tax authority hears of it. */
    RECEIPT(null, null),
    /** The receipt's counterpart when a paid sale is returned or cancelled. */
    CREDIT_SLIP(null, null);

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
        return this == CREDIT_NOTE || this == AVOIR || this == CREDIT_SLIP;
    }

    /** The regime that issued (and so corrects) a document of this kind, whatever the tenant uses today. */
    public FiscalRegime regime() {
        if (sunat != null) {
            return FiscalRegime.SUNAT;
        }
        return french != null ? FiscalRegime.FRENCH : FiscalRegime.INTERNAL_RECEIPT;
    }

    public DocumentKind sunatKind() {
        return sunat;
    }

    public FrenchDocumentKind frenchKind() {
        return french;
    }

    /** SUNAT catalog 01 code, or "FR"/"AV" for French documents, "RV"/"RD" for receipts (never sent anywhere). */
    public String typeCode() {
        return switch (this) {
            case FACTURE -> "FR";
            case AVOIR -> "AV";
            case RECEIPT -> "RV";
            case CREDIT_SLIP -> "RD";
            default -> sunat.sunatCode();
        };
    }

    /** The credit note that corrects a document of this kind. */
    public BillingDocumentKind creditNoteKind() {
        return switch (this) {
            case FACTURA, BOLETA -> CREDIT_NOTE;
            case FACTURE -> AVOIR;
            case RECEIPT -> CREDIT_SLIP;
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
