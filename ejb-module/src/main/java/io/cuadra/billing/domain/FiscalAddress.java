package io.cuadra.billing.domain;

import java.util.regex.Pattern;

/**
 * The issuer's fiscal address as SUNAT expects it in RegistrationAddress: INEI ubigeo, street line,
 * optional urbanization, district, province, department and ISO 3166-1 country code.
 */
public record FiscalAddress(String ubigeo, String addressLine, String urbanization, String district,
                            String province, String department, String countryCode) {

    private static final Pattern UBIGEO = Pattern.compile("\\d{6}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public FiscalAddress {
        if (ubigeo == null || !UBIGEO.matcher(ubigeo).matches()) {
            throw new IllegalArgumentException("An ubigeo has exactly 6 digits (e.g. 150101); got \"" + ubigeo + "\".");
        }
        addressLine = Texts.required(addressLine, "Address line", 200);
        urbanization = Texts.optional(urbanization, "Urbanization", 25);
        district = Texts.required(district, "District", 30);
        province = Texts.required(province, "Province", 30);
        department = Texts.required(department, "Department", 30);
        if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("The country is a 2-letter ISO code (e.g. PE); got \"" + countryCode
                    + "\".");
        }
    }

    /** A Peruvian address without urbanization, the common case. */
    public static FiscalAddress peru(String ubigeo, String addressLine, String district, String province,
                                     String department) {
        return new FiscalAddress(ubigeo, addressLine, null, district, province, department, "PE");
    }
}
