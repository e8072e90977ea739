package io.cuadra.billing.domain;

import io.cuadra.shared.identitydocuments.DocumentType;
import java.util.Objects;

/**
 * SUNAT's file name for a document: {RUC}-{TT}-{SERIE}-{NUMERO}, e.g. 20100070970-01-F001-123. The
 * number carries no leading zeros, matching the cbc:ID inside the XML.
 */
public record SunatFileName(String issuerRuc, DocumentKind kind, DocumentNumber number) {

    public SunatFileName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        var check = DocumentType.RUC.check(issuerRuc);
        if (!check.valid()) {
            throw new IllegalArgumentException("Issuer RUC: " + check.problem());
        }
        issuerRuc = check.number();
    }

    public static SunatFileName of(ElectronicDocument document) {
        return new SunatFileName(document.issuer().ruc(), document.kind(), document.number());
    }

    /** "20100070970-01-F001-123". */
    public String baseName() {
        return issuerRuc + "-" + kind.sunatCode() + "-" + number.series() + "-" + number.number();
    }

    public String xmlName() {
        return baseName() + ".xml";
    }

    public String zipName() {
        return baseName() + ".zip";
    }

    @Override
    public String toString() {
        return baseName();
    }
}
