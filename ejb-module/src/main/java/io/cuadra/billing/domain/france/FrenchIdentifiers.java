package io.cuadra.billing.domain.france;

import java.util.regex.Pattern;

/**
 * Checks on French company identifiers: SIREN (9 digits) and SIRET (SIREN + 5 digits) carry a Luhn check
 * digit; the intra-community VAT number is "FR" + a 2-digit key derived from the SIREN + the SIREN.
 */
public final class FrenchIdentifiers {

    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    private FrenchIdentifiers() {
    }

    public static String requireSiren(String value) {
        String siren = compact(value);
        if (!SIREN.matcher(siren).matches() || !luhn(siren)) {
            throw new IllegalArgumentException("A SIREN has 9 digits with a valid check digit; got \"" + value + "\".");
        }
        return siren;
    }

    public static String requireSiret(String value, String siren) {
        String siret = compact(value);
        if (!SIRET.matcher(siret).matches() || !luhn(siret)) {
            throw new IllegalArgumentException("A SIRET has 14 digits with a valid check digit; got \"" + value
                    + "\".");
        }
        if (!siret.startsWith(siren)) {
            throw new IllegalArgumentException("The SIRET " + siret + " does not belong to the SIREN " + siren + ".");
        }
        return siret;
    }

    public static String requireVatNumber(String value, String siren) {
        String vat = compact(value);
        String expected = vatNumberOf(siren);
        if (!vat.equals(expected)) {
            throw new IllegalArgumentException("The VAT number of SIREN " + siren + " is " + expected + "; got \""
                    + value + "\".");
        }
        return vat;
    }

    /** FR + key + SIREN, with key = (12 + 3 x (SIREN mod 97)) mod 97. */
    /**
     * The SIREN inside a company's tax id as a French tenant may have registered it (the country pack takes a SIRET,
     * a SIREN or a VAT number): the SIRET's first nine digits, the VAT number's last nine, else the value itself.
     */
    public static String sirenOf(String companyTaxId) {
        String id = compact(companyTaxId);
        if (SIRET.matcher(id).matches()) {
            return id.substring(0, 9);
        }
        if (id.matches("FR[0-9A-Z]{2}\\d{9}")) {
            return id.substring(4);
        }
        return id;
    }

    public static String vatNumberOf(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return String.format("FR%02d%s", key, siren);
    }

    private static String compact(String value) {
        return value == null ? "" : value.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
