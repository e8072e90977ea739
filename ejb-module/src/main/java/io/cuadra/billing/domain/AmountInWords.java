package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The amount in Spanish words that SUNAT requires as leyenda 1000, in the form Peruvian invoicing
 * software prints: "MIL DOSCIENTOS TREINTA CON 02/100 SOLES". A thousand is "MIL" (not "UN MIL"), as
 * in standard Spanish; the integer part is read as a numeral ("UNO CON 00/100", "VEINTIUNO CON ...")
 * while multipliers take the short form ("VEINTIÚN MIL", "UN MILLÓN").
 */
public final class AmountInWords {

    /** Up to 999 999 999 999.99: "NOVECIENTOS NOVENTA Y NUEVE MIL ... MILLONES". */
    public static final BigDecimal MAXIMUM = new BigDecimal("999999999999.99");

    private static final Map<String, String> CURRENCY_NAMES = Map.of(
            "PEN", "SOLES",
            "USD", "DÓLARES AMERICANOS",
            "EUR", "EUROS");

    private static final String[] UNITS = {"CERO", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE",
            "OCHO", "NUEVE", "DIEZ", "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE",
            "DIECIOCHO", "DIECINUEVE", "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO",
            "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE"};
    private static final String[] TENS = {"", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA",
            "OCHENTA", "NOVENTA"};
    private static final String[] HUNDREDS = {"", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS",
            "QUINIENTOS", "SEISCIENTOS", "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS"};

    private AmountInWords() {
    }

    /** "CIENTO DIECIOCHO CON 00/100 SOLES" for 118.00 PEN. */
    public static String of(Money amount) {
        String currencyName = CURRENCY_NAMES.get(amount.currency().getCurrencyCode());
        if (currencyName == null) {
            throw new IllegalArgumentException("No Spanish name for currency " + amount.currency()
                    + "; supported: " + CURRENCY_NAMES.keySet() + ".");
        }
        BigDecimal value = amount.amount();
        if (value.signum() < 0) {
            throw new IllegalArgumentException("A document amount in words cannot be negative: " + amount + ".");
        }
        if (value.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("Amounts above " + MAXIMUM.toPlainString() + " are not written in words: "
                    + amount + ".");
        }
        long integer = value.longValue();
        int cents = value.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
        return number(integer) + " CON " + String.format("%02d", cents) + "/100 " + currencyName;
    }

    /** The integer in words, as read on its own ("VEINTIUNO", "MIL UNO", "UN MILLÓN"). */
    static String number(long n) {
        if (n == 0) {
            return "CERO";
        }
        long millions = n / 1_000_000;
        long rest = n % 1_000_000;
        StringBuilder words = new StringBuilder();
        if (millions == 1) {
            words.append("UN MILLÓN");
        } else if (millions > 1) {
            words.append(beforeMultiplier(belowMillion(millions))).append(" MILLONES");
        }
        if (rest > 0) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(belowMillion(rest));
        }
        return words.toString();
    }

    private static String belowMillion(long n) {
        long thousands = n / 1000;
        int rest = (int) (n % 1000);
        StringBuilder words = new StringBuilder();
        if (thousands == 1) {
            words.append("MIL");
        } else if (thousands > 1) {
            words.append(beforeMultiplier(belowThousand((int) thousands))).append(" MIL");
        }
        if (rest > 0) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(belowThousand(rest));
        }
        return words.toString();
    }

    private static String belowThousand(int n) {
        if (n == 100) {
            return "CIEN";
        }
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds == 0) {
            return belowHundred(rest);
        }
        return rest == 0 ? HUNDREDS[hundreds] : HUNDREDS[hundreds] + " " + belowHundred(rest);
    }

    private static String belowHundred(int n) {
        if (n < UNITS.length) {
            return UNITS[n];
        }
        int unit = n % 10;
        return unit == 0 ? TENS[n / 10] : TENS[n / 10] + " Y " + UNITS[unit];
    }

    /** Before "MIL" or "MILLONES" a final "UNO" shortens: "VEINTIÚN MIL", "TREINTA Y UN MILLONES". */
    private static String beforeMultiplier(String words) {
        if (words.endsWith("VEINTIUNO")) {
            return words.substring(0, words.length() - "VEINTIUNO".length()) + "VEINTIÚN";
        }
        if (words.endsWith("UNO")) {
            return words.substring(0, words.length() - 1);
        }
        return words;
    }
}
