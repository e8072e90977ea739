package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a bank writes amounts: the decimal separator and the thousands separator (null when it uses
 * none). Parsing is strict about grouping so that a profile set up with the wrong separators rejects
 * "1,234.56" instead of reading it as 1.23456.
 */
public record AmountFormat(char decimalSeparator, Character thousandsSeparator) implements Serializable {

    /** A currency sign before the number: S/, S/., $, US$, €, or an ISO code. */
    private static final Pattern CURRENCY_PREFIX = Pattern.compile("^(S/\\.?|US\\$|\\$|€|[A-Z]{3})\\s*");

    public AmountFormat {
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("The decimal separator is '.' or ','; got '" + decimalSeparator + "'");
        }
        if (thousandsSeparator != null && thousandsSeparator == decimalSeparator) {
            throw new IllegalArgumentException("Decimal and thousands separators must differ");
        }
    }

    /** 1.234,56 */
    public static AmountFormat decimalComma() {
        return new AmountFormat(',', '.');
    }

    /** 1,234.56 */
    public static AmountFormat decimalPoint() {
        return new AmountFormat('.', ',');
    }

    /** How 1234.56 looks in this format, for messages. */
    public String example() {
        return (thousandsSeparator == null ? "1234" : "1" + thousandsSeparator + "234") + decimalSeparator + "56";
    }

    /**
     * Reads an amount such as "-1.234,56", "(1,234.56)", "1,234.56-" or "S/ 1,234.56".
     *
     * @throws NumberFormatException with a sentence saying what is wrong
     */
    public BigDecimal parse(String raw) {
        String text = raw.replace('\u00A0', ' ').strip();
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.startsWith("-") || text.startsWith("+")) {
            negative ^= text.charAt(0) == '-';
            text = text.substring(1).strip();
        } else if (text.endsWith("-")) {
            negative = !negative;
            text = text.substring(0, text.length() - 1).strip();
        }
        text = CURRENCY_PREFIX.matcher(text).replaceFirst("");
        if (thousandsSeparator != null && thousandsSeparator == ' ') {
            text = text.replace(" ", "");
        }
        String d = Pattern.quote(String.valueOf(decimalSeparator));
        String grouped = thousandsSeparator == null ? "" : "|\\d{1,3}(" + Pattern.quote(String.valueOf(thousandsSeparator)) + "\\d{3})+";
        String integerPart = "(\\d+" + grouped + ")";
        if (text.matches(integerPart + d + "\\d{3,}")) {
            throw new NumberFormatException("\"" + raw + "\" has more than two decimals");
        }
        if (!text.matches(integerPart + "(" + d + "\\d{1,2})?")) {
            throw new NumberFormatException("\"" + raw + "\" is not an amount written like " + example());
        }
        if (thousandsSeparator != null) {
            text = text.replace(String.valueOf(thousandsSeparator), "");
        }
        BigDecimal value = new BigDecimal(text.replace(decimalSeparator, '.'));
        return negative ? value.negate() : value;
    }
}
