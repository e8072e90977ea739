package io.cuadra.customers.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identity documents of SUNAT catalog 06, each with its own format rule. A number that breaks the
 * rule is refused with a sentence that says what is wrong, so a cashier can fix it at the counter.
 */
public enum DocumentType {

    /** Anonymous counter sale: no document ("-"). */
    NONE("0", "Sin documento"),
    DNI("1", "DNI"),
    FOREIGNER_CARD("4", "Carnet de extranjería"),
    RUC("6", "RUC"),
    PASSPORT("7", "Pasaporte");

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

    public String sunatCode() {
        return sunatCode;
    }

    public String label() {
        return label;
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
        };
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

    private static String describe(String n) {
        return n.isEmpty() ? "nothing" : "\"" + n + "\" (" + n.length() + " characters)";
    }
}
