package io.cuadra.shared.identitydocuments;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identity documents, each with its own format rule: SUNAT catalog 06 (Peru) and the tax and
 * population registers of the other countries Cuadra serves (Chile's RUT, Mexico's RFC and CURP,
 * France's SIREN, SIRET and VAT number). A number that breaks the rule is refused with a sentence that
 * says what is wrong, so a cashier can fix it at the counter. Which kinds a tenant offers comes from
 * its country pack.
 */
public enum DocumentType {

    /** Anonymous counter sale: no document ("-"). */
    NONE("0", "Sin documento"),
    DNI("1", "DNI"),
    FOREIGNER_CARD("4", "Carnet de extranjería"),
    RUC("6", "RUC"),
    PASSPORT("7", "Pasaporte"),
    /** Chile: Rol Único Tributario, digits and a modulo-11 check character (0-9 or K). */
    RUT("RUT", "RUT"),
    /** Mexico: Registro Federal de Contribuyentes, 12 (company) or 13 (person) characters with a check character. */
    RFC("RFC", "RFC"),
    /** Mexico: Clave Única de Registro de Población, 18 characters ending in a check digit. */
    CURP("CURP", "CURP"),
    /** France: SIREN, 9 digits under the Luhn rule. */
    SIREN("SIREN", "SIREN"),
    /** France: SIRET, the SIREN and a 5-digit establishment number, 14 digits under the Luhn rule. */
    SIRET("SIRET", "SIRET"),
    /** Intra-EU VAT number: country prefix and number; a French one's 2-digit key is checked against its SIREN. */
    VAT("VAT", "N° TVA intracommunautaire");

    private static final Pattern DIGITS_8 = Pattern.compile("\\d{8}");
    private static final Pattern DIGITS_11 = Pattern.compile("\\d{11}");
    private static final Pattern ALPHANUMERIC_12 = Pattern.compile("[A-Z0-9]{1,12}");
    private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private final String sunatCode;
    private final String label;

    DocumentType(String sunatCode, String label) {
        this.sunatCode = sunatCode;
        this.label = label;
    }

    /**
     * The code stored with a customer: SUNAT catalog 06 for the Peruvian kinds, the kind's name for the
     * others (catalog 06 has no code for them).
     */
    public String sunatCode() {
        return sunatCode;
    }

    public String label() {
        return label;
    }

    /**
     * The number checked as the first of {@code typeNames} it is valid for (a French company's tax id may be
     * its SIRET, SIREN or VAT number); empty when it holds under none.
     */
    public static Optional<DocumentCheck> firstValid(List<String> typeNames, String number) {
        return typeNames.stream().map(t -> valueOf(t).check(number)).filter(DocumentCheck::valid).findFirst();
    }

    public static Optional<DocumentType> bySunatCode(String code) {
        return Arrays.stream(values()).filter(t -> t.sunatCode.equals(code)).findFirst();
    }

    /** Trims, upper-cases and removes inner spaces and dashes people type ("20 100-070-970"). */
    public String normalize(String number) {
        if (number == null) {
            return "";
        }
        String n = number.strip().toUpperCase(Locale.ROOT);
        if (this == NONE) {
            return n.isEmpty() ? "-" : n;
        }
        if (this == RUT || this == SIREN || this == SIRET) {
            return n.replaceAll("[\\s.-]", ""); // "12.345.678-5", "732.829.320"
        }
        return n.replaceAll("[\\s-]", "");
    }

    /** Checks a number of this type; the result carries the normalised number or the reason it is wrong. */
    public DocumentCheck check(String rawNumber) {
        String n = normalize(rawNumber);
        return switch (this) {
            case NONE -> n.equals("-")
                    ? DocumentCheck.valid(this, n)
                    : DocumentCheck.invalid(this, n, "An anonymous sale carries no document number (use \"-\").",
                    "document.anonymous");
            case DNI -> DIGITS_8.matcher(n).matches()
                    ? DocumentCheck.valid(this, n)
                    : DocumentCheck.invalid(this, n, "A DNI has exactly 8 digits; got " + describe(n) + ".",
                    "document.digits", label, 8, n, n.length());
            case RUC -> checkRuc(n);
            case FOREIGNER_CARD, PASSPORT -> ALPHANUMERIC_12.matcher(n).matches()
                    ? DocumentCheck.valid(this, n)
                    : DocumentCheck.invalid(this, n, "A " + label + " has 1 to 12 letters or digits; got "
                    + describe(n) + ".", "document.alphanumeric", label, n);
            case RUT, RFC, CURP, SIREN, SIRET, VAT -> verdict(n, ForeignDocuments.problem(this, n));
        };
    }

    private DocumentCheck verdict(String n, Optional<String> problem) {
        return problem.map(p -> DocumentCheck.invalid(this, n, p)).orElseGet(() -> DocumentCheck.valid(this, n));
    }

    private DocumentCheck checkRuc(String n) {
        if (!DIGITS_11.matcher(n).matches()) {
            return DocumentCheck.invalid(this, n, "A RUC has exactly 11 digits; got " + describe(n) + ".",
                    "document.digits", label, 11, n, n.length());
        }
        String prefix = n.substring(0, 2);
        if (!(prefix.equals("10") || prefix.equals("15") || prefix.equals("17") || prefix.equals("20"))) {
            return DocumentCheck.invalid(this, n, "A RUC starts with 10, 15, 17 or 20; this one starts with "
                    + prefix + ".", "document.rucPrefix", prefix);
        }
        int expected = rucCheckDigit(n.substring(0, 10));
        int actual = n.charAt(10) - '0';
        if (expected != actual) {
            return DocumentCheck.invalid(this, n, "The RUC check digit should be " + expected + ", not " + actual
                    + ": a digit is probably mistyped.", "document.rucCheckDigit", expected, actual);
        }
        return DocumentCheck.valid(this, n);
    }

    /** SUNAT's modulo-11 check digit over the first ten digits (weights 5,4,3,2,7,6,5,4,3,2). */
    public static int rucCheckDigit(String firstTenDigits) {
        int sum = 0;
        for (int i = 0; i < RUC_WEIGHTS.length; i++) {
            sum += (firstTenDigits.charAt(i) - '0') * RUC_WEIGHTS[i];
        }
        int digit = 11 - (sum % 11);
        return digit == 10 ? 0 : digit == 11 ? 1 : digit;
    }

    static String describe(String n) {
        return n.isEmpty() ? "nothing" : "\"" + n + "\" (" + n.length() + " characters)";
    }
}
