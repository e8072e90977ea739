package io.cuadra.shared.country;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a tenant of one country starts with, as data ({@code country-packs/XX.json}): currency, locale
 * and formats, time zone, languages, the fiscal regime billing applies, the identity documents people
 * present (and which of them a company's tax id may be), the first location's series and the payment
 * methods a shop there accepts. The country's standard tax rates are rows of {@code tax_rate_defaults}
 * and its cash denominations rows of the reconciliation's denomination catalog, both keyed by country
 * or currency.
 */
public record CountryPack(String country, int version, String name, Currency currency, Locale locale,
                          String datePattern, ZoneId timeZone, List<String> languages, String phoneRegion,
                          String phoneExample, String fiscalRegime, BigDecimal defaultTaxPercent,
                          boolean pricesIncludeTax, List<String> companyTaxIdTypes, List<String> documentTypes,
                          Series series, String firstLocationName, List<PaymentMethodDefault> paymentMethods) {

    /** The regimes billing implements (its FiscalRegime): a pack may name only these. */
    public static final Set<String> FISCAL_REGIMES = Set.of("SUNAT", "FRENCH", "INTERNAL_RECEIPT");

    public CountryPack {
        Objects.requireNonNull(currency, "currency");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("A country pack names an ISO 3166 country code, not " + country);
        }
        if (!FISCAL_REGIMES.contains(fiscalRegime)) {
            throw new IllegalArgumentException(country + ": unknown fiscal regime " + fiscalRegime);
        }
        if (languages.isEmpty() || !languages.stream().allMatch(l -> l.matches("[a-z]{2}"))) {
            throw new IllegalArgumentException(country + ": languages are ISO 639-1 codes, got " + languages);
        }
        if (companyTaxIdTypes.isEmpty() || !documentTypes.containsAll(companyTaxIdTypes)) {
            throw new IllegalArgumentException(country + ": a company's tax id types must be among its documents");
        }
        if (paymentMethods.stream().noneMatch(m -> "CASH".equals(m.kind()))) {
            throw new IllegalArgumentException(country + ": a pack starts with a cash payment method");
        }
        DateTimeFormatter.ofPattern(datePattern, locale); // refuses a broken pattern at load time
        languages = List.copyOf(languages);
        companyTaxIdTypes = List.copyOf(companyTaxIdTypes);
        documentTypes = List.copyOf(documentTypes);
        paymentMethods = List.copyOf(paymentMethods);
    }

    /** Minor units of the currency: 2 for PEN, EUR and MXN, 0 for CLP (no centavos in circulation). */
    public int currencyDigits() {
        return currency.getDefaultFractionDigits();
    }

    /** An amount as the country's money: rounded half up to the currency's minor unit. */
    public BigDecimal money(BigDecimal amount) {
        return amount.setScale(currencyDigits(), RoundingMode.HALF_UP);
    }

    public DateTimeFormatter dateFormat() {
        return DateTimeFormatter.ofPattern(datePattern, locale);
    }

    /**
     * The billing series of a first location (null where the regime has no such document) and its SUNAT
     * establishment code ("0000", the main one; no meaning outside Peru).
     */
    public record Series(String establishment, String invoice, String receipt, String invoiceCredit, String receiptCredit) {
    }

    /** A payment method every tenant of the country starts with (kinds of orders' PaymentMethod). */
    public record PaymentMethodDefault(String code, String kind, String name, boolean requiresReference,
                                       String feeProvider) {
    }
}
