package io.cuadra.billing.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The payment documents of SUNAT catalog 01 that this module issues. Each kind knows the shape of its
 * series: SUNAT rejects a factura whose series does not start with F, a boleta whose series does not
 * start with B, and a credit note whose series letter differs from the document it corrects.
 */
public enum DocumentKind {

    FACTURA("01", "FACTURA ELECTRÓNICA", Pattern.compile("F[A-Z0-9]{3}")),
    BOLETA("03", "BOLETA DE VENTA ELECTRÓNICA", Pattern.compile("B[A-Z0-9]{3}")),
    CREDIT_NOTE("07", "NOTA DE CRÉDITO ELECTRÓNICA", Pattern.compile("[FB][A-Z0-9]{3}"));

    private final String sunatCode;
    private final String printedTitle;
    private final Pattern series;

    DocumentKind(String sunatCode, String printedTitle, Pattern series) {
        this.sunatCode = sunatCode;
        this.printedTitle = printedTitle;
        this.series = series;
    }

    /** Catalog 01 code ("01", "03", "07"). */
    public String sunatCode() {
        return sunatCode;
    }

    /** Title printed on the document, e.g. "FACTURA ELECTRÓNICA". */
    public String printedTitle() {
        return printedTitle;
    }

    /** The legal line every printed copy carries. */
    public String printedRepresentationLine() {
        return "Representación impresa de la " + printedTitle;
    }

    public boolean acceptsSeries(String candidate) {
        return candidate != null && series.matcher(candidate).matches();
    }

    /** Human description of the series rule, used in refusal messages. */
    public String seriesRule() {
        return switch (this) {
            case FACTURA -> "F followed by 3 letters or digits (e.g. F001)";
            case BOLETA -> "B followed by 3 letters or digits (e.g. B001)";
            case CREDIT_NOTE -> "F or B followed by 3 letters or digits (e.g. FC01, BC01)";
        };
    }

    /** Factura and boleta travel as UBL Invoice; a credit note as UBL CreditNote. */
    public boolean isInvoice() {
        return this != CREDIT_NOTE;
    }

    public static Optional<DocumentKind> bySunatCode(String code) {
        return Arrays.stream(values()).filter(k -> k.sunatCode.equals(code)).findFirst();
    }
}
