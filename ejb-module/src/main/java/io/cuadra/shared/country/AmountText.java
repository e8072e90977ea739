package io.cuadra.shared.country;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount as people of its currency's country read it on paper (PDF reports, printouts): the currency's minor
 * unit and that country's separators — 11.900 (CLP, no cents), 1,234.50 (PEN, MXN), 1 234,50 (EUR).
 */
public final class AmountText {

    private AmountText() {
    }

    public static String of(BigDecimal amount, String currencyCode) {
        return amount == null ? "" : of(amount, Currency.getInstance(currencyCode));
    }

    public static String of(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return "";
        }
        int digits = Money.digits(currency);
        NumberFormat f = DecimalFormat.getNumberInstance(localeOf(currency));
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(Money.round(amount, currency));
    }

    /** The locale of the country pack whose currency it is (es-CL for CLP, fr-FR for EUR); else plain digits. */
    static Locale localeOf(Currency currency) {
        return CountryPacks.all().stream().filter(p -> p.currency().equals(currency)).map(CountryPack::locale)
                .findFirst().orElse(Locale.ROOT);
    }
}
