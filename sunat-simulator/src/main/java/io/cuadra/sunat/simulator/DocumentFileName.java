package io.cuadra.sunat.simulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name SUNAT requires for a document file, without extension: {@code RUC-TT-SERIE-CORRELATIVO} for one
 * document (factura 01, boleta 03, nota de crédito 07, nota de débito 08) or {@code RUC-RC|RA-YYYYMMDD-N} for a
 * daily summary or a voiding communication. Everything SUNAT checks against the content starts from here.
 */
record DocumentFileName(String baseName, String ruc, String typeCode, String series, String number) {

    private static final Pattern SINGLE_DOCUMENT =
            Pattern.compile("(\\d{11})-(01|03|07|08)-([A-Z0-9]{4})-(\\d{1,8})");
    private static final Pattern SUMMARY = Pattern.compile("(\\d{11})-(RC|RA)-(\\d{8})-(\\d{1,5})");

    static Optional<DocumentFileName> parse(String fileName, String extension) {
        String suffix = "." + extension;
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - suffix.length());
        for (Pattern pattern : new Pattern[] {SINGLE_DOCUMENT, SUMMARY}) {
            Matcher m = pattern.matcher(base);
            if (m.matches()) {
                return Optional.of(new DocumentFileName(base, m.group(1), m.group(2), m.group(3), m.group(4)));
            }
        }
        return Optional.empty();
    }

    boolean isSummary() {
        return typeCode.equals("RC") || typeCode.equals("RA");
    }

    /** Series and number as the document's cbc:ID writes them: F001-123, or RC-20240131-1 for a summary. */
    String documentId() {
        return isSummary() ? typeCode + "-" + series + "-" + number : series + "-" + number;
    }
}
