package io.cuadra.billing.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * SUNAT catalog 07 (afectación del IGV) for onerous operations. Free transfers (11-17, 21, 31-37) and
 * exports (40) are not offered: they need the 9996/9995 schemes and a different price type.
 */
public enum IgvAffectation {

    TAXED("10", "Gravado - Operación Onerosa", TaxScheme.IGV),
    EXONERATED("20", "Exonerado - Operación Onerosa", TaxScheme.EXONERATED),
    UNAFFECTED("30", "Inafecto - Operación Onerosa", TaxScheme.UNAFFECTED);

    private final String sunatCode;
    private final String label;
    private final TaxScheme scheme;

    IgvAffectation(String sunatCode, String label, TaxScheme scheme) {
        this.sunatCode = sunatCode;
        this.label = label;
        this.scheme = scheme;
    }

    public String sunatCode() {
        return sunatCode;
    }

    public String label() {
        return label;
    }

    public TaxScheme scheme() {
        return scheme;
    }

    public boolean isTaxed() {
        return this == TAXED;
    }

    public static Optional<IgvAffectation> bySunatCode(String code) {
        return Arrays.stream(values()).filter(a -> a.sunatCode.equals(code)).findFirst();
    }
}
