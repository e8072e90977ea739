package io.cuadra.billing.domain;

import java.util.Objects;

/**
 * The text of the QR code printed on a SUNAT document:
 * RUC|TYPE|SERIES|NUMBER|IGV|TOTAL|YYYY-MM-DD|CUSTOMER_DOC_TYPE|CUSTOMER_DOC_NUMBER|HASH|
 * where HASH is the DigestValue of the signed XML. Amounts have two decimals and a dot.
 */
public final class SunatQrText {

    private static final char SEPARATOR = '|';

    private SunatQrText() {
    }

    public static String of(ElectronicDocument document, String documentHash) {
        Objects.requireNonNull(document, "document");
        if (documentHash == null || documentHash.isBlank()) {
            throw new IllegalArgumentException("The QR carries the hash of the signed XML: sign first.");
        }
        StringBuilder qr = new StringBuilder(160);
        append(qr, document.issuer().ruc());
        append(qr, document.kind().sunatCode());
        append(qr, document.number().series());
        append(qr, Long.toString(document.number().number()));
        append(qr, document.totals().igvAmount().amount().toPlainString());
        append(qr, document.payableAmount().amount().toPlainString());
        append(qr, document.issueDate().toString());
        append(qr, document.customer().documentTypeCode());
        append(qr, document.customer().documentNumber());
        append(qr, documentHash);
        return qr.toString();
    }

    private static void append(StringBuilder qr, String field) {
        qr.append(field).append(SEPARATOR);
    }
}
