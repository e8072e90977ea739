package io.cuadra.shared.country;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place country packs are read: the bundled {@code country-packs/XX.json} files, each checked
 * when loaded (a broken pack stops the application at start, not a tenant at its first sale). A new
 * country is a new file and a line in {@link #COUNTRIES}, never a code path.
 */
public final class CountryPacks {

    static final List<String> COUNTRIES = List.of("PE", "FR", "CL", "MX");
    static final String DEFAULT_DATE_PATTERN = "dd/MM/yyyy";

    private static final Map<String, CountryPack> PACKS = COUNTRIES.stream()
            .map(CountryPacks::load)
            .collect(Collectors.toUnmodifiableMap(CountryPack::country, Function.identity()));

    private CountryPacks() {
    }

    public static Optional<CountryPack> find(String country) {
        return Optional.ofNullable(country == null ? null : PACKS.get(country.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The date pattern people of the country read and type (CL "dd-MM-yyyy", PE/FR/MX "dd/MM/yyyy"): the one
     * lookup pages use for placeholders and converters. A country without a pack gets dd/MM/yyyy.
     */
    public static String datePattern(String country) {
        return find(country).map(CountryPack::datePattern).orElse(DEFAULT_DATE_PATTERN);
    }

    /** The region phone numbers of the country are read in (libphonenumber's region code). */
    public static String phoneRegion(String country) {
        return find(country).map(CountryPack::phoneRegion).orElse(country);
    }

    /** Every pack, in the order of {@link #COUNTRIES}. */
    public static List<CountryPack> all() {
        return COUNTRIES.stream().map(PACKS::get).toList();
    }

    static CountryPack load(String country) {
        String resource = "/country-packs/" + country + ".json";
        try (InputStream in = CountryPacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            try (JsonReader reader = Json.createReader(in)) {
                CountryPack pack = parse(reader.readObject());
                if (!pack.country().equals(country)) {
                    throw new IllegalStateException(resource + " describes " + pack.country());
                }
                return pack;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static CountryPack parse(JsonObject o) {
        JsonObject s = o.getJsonObject("series");
        return new CountryPack(o.getString("country"), o.getInt("version"), o.getString("name"),
                Currency.getInstance(o.getString("currency")), Locale.forLanguageTag(o.getString("locale")),
                o.getString("datePattern"), ZoneId.of(o.getString("timeZone")), strings(o, "languages"),
                o.getString("phoneRegion"), o.getString("phoneExample"), o.getString("fiscalRegime"),
                new BigDecimal(o.getString("defaultTaxPercent")), o.getBoolean("pricesIncludeTax"),
                strings(o, "companyTaxIdTypes"), strings(o, "documentTypes"),
                new CountryPack.Series(s.getString("establishment"), optional(s, "invoice"), optional(s, "receipt"), optional(s, "invoiceCredit"),
                        optional(s, "receiptCredit")),
                o.getString("firstLocationName"),
                o.getJsonArray("paymentMethods").getValuesAs(JsonObject.class).stream()
                        .map(m -> new CountryPack.PaymentMethodDefault(m.getString("code"), m.getString("kind"),
                                m.getString("name"), m.getBoolean("requiresReference", false),
                                optional(m, "feeProvider")))
                        .toList());
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String optional(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : ((JsonString) v).getString();
    }
}
