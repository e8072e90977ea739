package io.cuadra.web.l10n;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as people of one locale type them: es-PE {@code 1,234.50}, fr-FR {@code 1 234,50}. Parsing is
 * strict on purpose: a separator that is not the locale's, or a grouping that is not in threes, is
 * refused rather than guessed (a cost typed "22.00" once became 2,200 on a page reading "." as grouping).
 */
public final class DecimalText {

    private final Locale locale;
    private final char decimal;
    private final char grouping;
    private final Pattern grouped;

    public DecimalText(Locale locale) {
        this.locale = locale;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimal = symbols.getDecimalSeparator();
        this.grouping = symbols.getGroupingSeparator();
        this.grouped = Pattern.compile("\\d{1,3}(" + Pattern.quote(String.valueOf(grouping)) + "\\d{3})*");
    }

    /** The number, or empty when the text is not a number written the locale's way. Blank is not a number. */
    public Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // Any space counts as the French grouping space (people type a plain one, CLDR has a narrow no-break one).
        String s = text.strip();
        if (Character.isSpaceChar(grouping)) {
            s = s.replaceAll("[\\s\\u00A0\\u202F]", String.valueOf(grouping));
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String sign = "";
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            sign = s.charAt(0) == '-' ? "-" : "";
            s = s.substring(1);
        }
        int point = s.indexOf(decimal);
        if (point != s.lastIndexOf(decimal)) {
            return Optional.empty();
        }
        String whole = point < 0 ? s : s.substring(0, point);
        String fraction = point < 0 ? "" : s.substring(point + 1);
        if (!fraction.chars().allMatch(Character::isDigit) || (point >= 0 && fraction.isEmpty() && whole.isEmpty())) {
            return Optional.empty();
        }
        if (whole.indexOf(grouping) >= 0) {
            if (!grouped.matcher(whole).matches()) {
                return Optional.empty();
            }
            whole = whole.replace(String.valueOf(grouping), "");
        }
        if (whole.isEmpty()) {
            whole = "0";
        }
        if (!whole.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(sign + whole + (fraction.isEmpty() ? "" : "." + fraction)));
    }

    /** The number with the locale's separators, keeping at least {@code minDecimals} and at most its own scale. */
    public String format(BigDecimal value, int minDecimals) {
        DecimalFormat f = (DecimalFormat) DecimalFormat.getNumberInstance(locale);
        f.setParseBigDecimal(true);
        int scale = Math.max(value.stripTrailingZeros().scale(), 0);
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(Math.max(minDecimals, scale));
        return f.format(value);
    }

    /** An example of the expected writing, for the message beside a refused field. */
    public String example() {
        return format(new BigDecimal("1234.50"), 2);
    }
}
