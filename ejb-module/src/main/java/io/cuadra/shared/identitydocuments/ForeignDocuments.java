package io.cuadra.shared.identitydocuments;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The format and check-digit rules of the identity documents outside SUNAT catalog 06. Each answers
 * the reason a normalised number is wrong, or nothing when it holds.
 */
final class ForeignDocuments {

    private static final Pattern RUT = Pattern.compile("\\d{7,8}[0-9K]");
    // Persona moral: 3 letters; persona física: 4; then the date (YYMMDD) and the 3-character homoclave.
    private static final Pattern RFC = Pattern.compile("[A-ZÑ&]{3,4}\\d{6}[A-Z0-9]{2}[0-9A]");
    private static final Pattern CURP = Pattern.compile(
            "[A-Z][AEIOUX][A-Z]{2}\\d{6}[HMX](AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP"
                    + "|SL|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9]\\d");
    private static final Pattern EU_VAT = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,12}");
    private static final Pattern FRENCH_VAT = Pattern.compile("FR[0-9A-Z]{2}\\d{9}");
    private static final String RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";
    private static final String CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    /** SAT's generic RFCs (sales to the general public, to foreigners): valid although outside the check rule. */
    private static final Set<String> GENERIC_RFC = Set.of("XAXX010101000", "XEXX010101000");
    /** La Poste's establishments share one SIREN and escape Luhn: their SIRET digits sum to a multiple of 5. */
    private static final String LA_POSTE_SIREN = "356000000";

    private ForeignDocuments() {
    }

    static Optional<String> problem(DocumentType type, String n) {
        return switch (type) {
            case RUT -> rut(n);
            case RFC -> rfc(n);
            case CURP -> curp(n);
            case SIREN -> luhnNumber(n, 9, "SIREN");
            case SIRET -> siret(n);
            case VAT -> vat(n);
            default -> throw new IllegalArgumentException(type + " is not checked here");
        };
    }

    private static Optional<String> rut(String n) {
        if (!RUT.matcher(n).matches()) {
            return Optional.of("A RUT has 7 or 8 digits and a check character (0-9 or K), e.g. 12.345.678-5; got "
                    + DocumentType.describe(n) + ".");
        }
        return mismatch("RUT check character", rutCheckCharacter(n.substring(0, n.length() - 1)), n);
    }

    /** Modulo 11 with weights 2..7 from the rightmost digit; 11 gives 0 and 10 gives K. */
    static char rutCheckCharacter(String body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int digit = 11 - sum % 11;
        return digit == 11 ? '0' : digit == 10 ? 'K' : (char) ('0' + digit);
    }

    private static Optional<String> rfc(String n) {
        if (!RFC.matcher(n).matches()) {
            return Optional.of("An RFC has 3 (company) or 4 (person) letters, the date YYMMDD and 3 characters,"
                    + " e.g. SAT970701NN3; got " + DocumentType.describe(n) + ".");
        }
        if (GENERIC_RFC.contains(n)) {
            return Optional.empty();
        }
        if (!validDate(n.substring(n.length() - 9, n.length() - 3))) {
            return Optional.of("The RFC's date " + n.substring(n.length() - 9, n.length() - 3)
                    + " is not a date (YYMMDD).");
        }
        return mismatch("RFC check character", rfcCheckCharacter(n.substring(0, n.length() - 1)), n);
    }

    /** SAT's modulo 11 over the first 12 characters (a company's 11 padded with a leading space), weights 13..2. */
    static char rfcCheckCharacter(String withoutCheck) {
        String s = withoutCheck.length() == 11 ? " " + withoutCheck : withoutCheck;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += RFC_ALPHABET.indexOf(s.charAt(i)) * (13 - i);
        }
        int remainder = sum % 11;
        if (remainder == 0) {
            return '0';
        }
        int digit = 11 - remainder;
        return digit == 10 ? 'A' : (char) ('0' + digit);
    }

    private static Optional<String> curp(String n) {
        if (!CURP.matcher(n).matches()) {
            return Optional.of("A CURP has 18 characters: 4 letters, the birth date YYMMDD, H/M, the state,"
                    + " 3 consonants, 1 character and a check digit; got " + DocumentType.describe(n) + ".");
        }
        if (!validDate(n.substring(4, 10))) {
            return Optional.of("The CURP's birth date " + n.substring(4, 10) + " is not a date (YYMMDD).");
        }
        return mismatch("CURP check digit", curpCheckDigit(n.substring(0, 17)), n);
    }

    /** RENAPO's check digit: characters valued in their alphabet, weights 18..2, sum modulo 10 to complement. */
    static char curpCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CURP_ALPHABET.indexOf(first17.charAt(i)) * (18 - i);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** Compares the number's last character with the one its rule computes. */
    private static Optional<String> mismatch(String what, char expected, String n) {
        char actual = n.charAt(n.length() - 1);
        return expected == actual ? Optional.empty()
                : Optional.of("The " + what + " should be " + expected + ", not " + actual
                + ": a character is probably mistyped.");
    }

    private static Optional<String> siret(String n) {
        if (n.length() == 14 && n.startsWith(LA_POSTE_SIREN) && n.chars().allMatch(Character::isDigit)) {
            int sum = n.chars().map(c -> c - '0').sum();
            return sum % 5 == 0 ? Optional.empty()
                    : Optional.of("This La Poste SIRET does not hold: its digits should add up to a multiple of 5.");
        }
        return luhnNumber(n, 14, "SIRET");
    }

    private static Optional<String> luhnNumber(String n, int length, String name) {
        if (n.length() != length || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("A " + name + " has exactly " + length + " digits; got " + DocumentType.describe(n) + ".");
        }
        return luhnValid(n) ? Optional.empty()
                : Optional.of("This " + name + " fails its check (Luhn): a digit is probably mistyped.");
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static Optional<String> vat(String n) {
        if (!EU_VAT.matcher(n).matches()) {
            return Optional.of("A VAT number is a 2-letter country prefix and 2 to 12 letters or digits,"
                    + " e.g. FR40303265045; got " + DocumentType.describe(n) + ".");
        }
        if (!n.startsWith("FR")) {
            return Optional.empty(); // other member states' keys are checked by VIES, not here
        }
        if (!FRENCH_VAT.matcher(n).matches()) {
            return Optional.of("A French VAT number is FR, a 2-character key and the 9-digit SIREN; got "
                    + DocumentType.describe(n) + ".");
        }
        String siren = n.substring(4);
        Optional<String> sirenProblem = luhnNumber(siren, 9, "SIREN");
        if (sirenProblem.isPresent()) {
            return Optional.of("The SIREN inside this VAT number does not hold: " + sirenProblem.get());
        }
        String key = n.substring(2, 4);
        if (!key.chars().allMatch(Character::isDigit)) {
            return Optional.empty(); // the newer alphanumeric keys follow an unpublished rule
        }
        String expected = frenchVatKey(siren);
        return expected.equals(key) ? Optional.empty()
                : Optional.of("The key of this French VAT number should be " + expected + ", not " + key + ".");
    }

    /** The numeric key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97, on two digits. */
    static String frenchVatKey(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return String.format("%02d", key);
    }

    private static boolean validDate(String yymmdd) {
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        // Any century: February 29 is accepted for every year divisible by 4 (00 included, as 2000 is leap).
        int year = Integer.parseInt(yymmdd.substring(0, 2));
        int[] days = {31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= days[month - 1];
    }
}
