package io.cuadra.sunat.simulator;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.cuadra.sunat.simulator.UblDocument.PartyIdentity;

/**
 * SUNAT's checks on the customer's identity document (the "adquirente o usuario") of facturas, boletas and
 * their notes, following the UBL 2.1 validation rules:
 * <ul>
 *   <li>the type must be in catalogue 06, and a factura (or a note of one) that is not an export must go to a
 *       RUC (type 6): otherwise 2800;</li>
 *   <li>a DNI (type 1) has exactly 8 digits: otherwise 2801;</li>
 *   <li>a RUC (type 6) has exactly 11 digits: otherwise 2017;</li>
 *   <li>a RUC must exist in SUNAT's register of taxpayers: otherwise 1083. The simulator has no register, so
 *       it stands in the structural test every real RUC passes: prefix 10, 15, 17 or 20 and the modulo-11
 *       check digit (weights 5,4,3,2,7,6,5,4,3,2). 1083 is an exception code, so SUNAT answers it as a fault;</li>
 *   <li>other types carry up to 15 characters without whitespace: otherwise 2802.</li>
 * </ul>
 */
final class CustomerIdentityRule {

    /** Catalogue 06 (tipos de documento de identidad), plus "-" used for small anonymous boleta sales. */
    private static final Set<String> CATALOGUE_06 = Set.of("0", "1", "4", "6", "7", "A", "B", "C", "D", "E", "F",
            "G", "-");
    private static final Pattern DNI = Pattern.compile("\\d{8}");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");
    private static final Pattern OTHER_NUMBER = Pattern.compile("\\S{1,15}");
    private static final Set<String> RUC_PREFIXES = Set.of("10", "15", "17", "20");
    private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private CustomerIdentityRule() {
    }

    static Optional<Finding> check(UblDocument document) {
        if (document.customer().isEmpty() || document.customer().get().number().isEmpty()) {
            return finding(ReturnCode.MISSING_CUSTOMER_NUMBER, "cac:AccountingCustomerParty", "");
        }
        PartyIdentity customer = document.customer().get();
        String type = customer.typeCode();
        if (type.isEmpty()) {
            return finding(ReturnCode.MISSING_CUSTOMER_TYPE, "cbc:ID@schemeID", "");
        }
        if (!CATALOGUE_06.contains(type) || (belongsToAFactura(document) && !isExport(document) && !type.equals("6"))) {
            return finding(ReturnCode.CUSTOMER_TYPE_NOT_ALLOWED, "cbc:ID@schemeID", type);
        }
        String number = customer.number();
        return switch (type) {
            case "1" -> DNI.matcher(number).matches()
                    ? Optional.empty()
                    : finding(ReturnCode.BAD_DNI, "cbc:ID", number);
            case "6" -> checkRuc(number);
            default -> OTHER_NUMBER.matcher(number).matches()
                    ? Optional.empty()
                    : finding(ReturnCode.BAD_CUSTOMER_NUMBER, "cbc:ID", number);
        };
    }

    private static Optional<Finding> checkRuc(String number) {
        if (!ELEVEN_DIGITS.matcher(number).matches()) {
            return finding(ReturnCode.CUSTOMER_NUMBER_NOT_A_RUC, "cbc:ID", number);
        }
        if (!RUC_PREFIXES.contains(number.substring(0, 2)) || rucCheckDigit(number) != number.charAt(10) - '0') {
            return finding(ReturnCode.CUSTOMER_RUC_DOES_NOT_EXIST, "cbc:ID", number);
        }
        return Optional.empty();
    }

    static boolean isPlausibleRuc(String number) {
        return ELEVEN_DIGITS.matcher(number).matches() && RUC_PREFIXES.contains(number.substring(0, 2))
                && rucCheckDigit(number) == number.charAt(10) - '0';
    }

    /** 11 minus the weighted sum modulo 11; 10 becomes 0 and 11 becomes 1. */
    static int rucCheckDigit(String ruc) {
        int sum = 0;
        for (int i = 0; i < RUC_WEIGHTS.length; i++) {
            sum += (ruc.charAt(i) - '0') * RUC_WEIGHTS[i];
        }
        int digit = 11 - sum % 11;
        return digit == 10 ? 0 : digit == 11 ? 1 : digit;
    }

    /** A note follows the rules of the document it modifies, which its series tells: F for facturas. */
    private static boolean belongsToAFactura(UblDocument document) {
        return document.typeCode().equals("01")
                || ((document.typeCode().equals("07") || document.typeCode().equals("08"))
                && document.series().startsWith("F"));
    }

    /** Catalogue 51 operation types 0200–0208 are exports, where the customer is abroad and has no RUC. */
    private static boolean isExport(UblDocument document) {
        return document.operationType().startsWith("02");
    }

    private static Optional<Finding> finding(ReturnCode code, String node, String value) {
        return Optional.of(new Finding(code, "(nodo: \"cac:AccountingCustomerParty/" + node + "\" valor: \""
                + value + "\")"));
    }
}
