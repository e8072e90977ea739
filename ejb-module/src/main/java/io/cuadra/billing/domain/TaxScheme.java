package io.cuadra.billing.domain;

/**
 * SUNAT catalog 05 tax schemes this module writes, with the UBL names and the UN/ECE 5153 type code
 * and UN/ECE 5305 category SUNAT pairs with each one.
 */
public enum TaxScheme {

    IGV("1000", "IGV", "VAT", "S"),
    EXONERATED("9997", "EXO", "VAT", "E"),
    UNAFFECTED("9998", "INA", "FRE", "O");

    private final String sunatCode;
    private final String ublName;
    private final String taxTypeCode;
    private final String categoryCode;

    TaxScheme(String sunatCode, String ublName, String taxTypeCode, String categoryCode) {
        this.sunatCode = sunatCode;
        this.ublName = ublName;
        this.taxTypeCode = taxTypeCode;
        this.categoryCode = categoryCode;
    }

    public String sunatCode() {
        return sunatCode;
    }

    /** cac:TaxScheme/cbc:Name: IGV, EXO, INA. */
    public String ublName() {
        return ublName;
    }

    /** cac:TaxScheme/cbc:TaxTypeCode: VAT or FRE. */
    public String taxTypeCode() {
        return taxTypeCode;
    }

    /** cac:TaxCategory/cbc:ID (UN/ECE 5305): S standard, E exempt, O outside scope. */
    public String categoryCode() {
        return categoryCode;
    }
}
