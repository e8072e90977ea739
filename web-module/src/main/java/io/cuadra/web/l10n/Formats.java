package io.cuadra.web.l10n;

import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.shell.LocaleSelector;
import io.cuadra.web.shell.Texts;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.web.shell.CurrentLocation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code #{fmt...}}: how every page shows numbers, money, quantities, dates, instants and coded values,
 * in the tenant's formats and the user's words. One place, so the catalog and the counter agree.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    LocaleSelector selector;

    @EJB
    LocationService locations;

    private Locale locale;
    private ZoneId userZone;
    private final Map<Long, ZoneId> locationZones = new HashMap<>();

    private Locale locale() {
        if (locale == null) {
            locale = selector.getFormatLocale();
        }
        return locale;
    }

    /** Money in the tenant's currency: S/ 1,234.50 in Peru, 1 234,50 € in France. */
    public String money(BigDecimal amount) {
        Currency currency = selector.getCurrency();
        return money(amount, currency == null ? null : currency.getCurrencyCode());
    }

    /** Money in the given currency (ISO code), the tenant's way. */
    public String money(BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        if (currencyCode == null || currencyCode.isBlank()) {
            return amount(amount);
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        Currency currency = Currency.getInstance(currencyCode);
        f.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(amount.setScale(digits, RoundingMode.HALF_UP));
    }

    /** A unit cost with its symbol and the decimals it was bought at (costs keep up to six). */
    public String cost(BigDecimal amount, String currencyCode) {
        if (amount == null || currencyCode == null || currencyCode.isBlank()) {
            return amount == null ? "" : number(amount);
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale());
        f.setCurrency(Currency.getInstance(currencyCode));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
        return f.format(amount);
    }

    /**
     * An amount without its symbol, with the decimals of the tenant's currency (two; none for CLP, whose
     * peso has no cents): a money column headed by its currency.
     */
    public String amount(BigDecimal amount) {
        Currency currency = selector.getCurrency();
        int digits = currency == null ? 2 : Money.digits(currency);
        return amount == null ? "" : new DecimalText(locale()).format(amount.setScale(digits, RoundingMode.HALF_UP), digits);
    }

    /** A quantity: as many decimals as it has (3 at most stored), none when whole. */
    public String qty(BigDecimal quantity) {
        return quantity == null ? "" : new DecimalText(locale()).format(quantity, 0);
    }

    /** Any decimal with its own decimals (unit costs keep six). */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return new DecimalText(locale()).format(d, 0);
    }

    /** A percentage such as 18 % or 5,5 %. */
    public String percent(BigDecimal value) {
        return value == null ? "" : number(value) + (locale().getLanguage().equals("fr") ? "\u00A0%" : "%");
    }

    /** A calendar day, day first (07/12/2026). Instants are shown in the tenant's zone first. */
    public String date(Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof LocalDate) && !isInstant(value)) {
            return value.toString();
        }
        LocalDate day = value instanceof LocalDate d ? d : zoned(value, getZone()).toLocalDate();
        return day.format(DateTimeFormatter.ofPattern(datePattern(), locale()));
    }

    /** An instant in the zone of the user's current location, to the minute: no UTC, no microseconds. */
    public String instant(Object value) {
        return instant(value, getZone());
    }

    /**
     * An instant of a location's row (an order, a payment, a closure, a stock move...) in that location's zone, to
     * the minute; in the user's current location's zone when the row names no location.
     */
    public String instantAt(Object value, Long locationId) {
        return instant(value, locationId == null ? getZone() : locationZones.computeIfAbsent(locationId, this::zoneOf));
    }

    private ZoneId zoneOf(long locationId) {
        try {
            return locations.find(locationId).zone();
        } catch (NotFound e) {
            return getZone(); // a location the user does not work at: their own clock
        }
    }

    private String instant(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate) {
            return date(value);
        }
        if (!isInstant(value)) {
            return value.toString();
        }
        return zoned(value, zone).format(DateTimeFormatter.ofPattern(datePattern() + " HH:mm", locale()));
    }

    /** The pattern a day is typed and shown in: the tenant's country pack's (dd/MM/yyyy, dd-MM-yyyy in Chile). */
    public String datePattern() {
        return datePattern(locale());
    }

    static String datePattern(Locale locale) {
        return CountryPacks.find(locale.getCountry()).map(CountryPack::datePattern)
                .orElse("US".equals(locale.getCountry()) ? "MM/dd/yyyy" : "dd/MM/yyyy");
    }

    /**
     * A date pattern as people read it in their language: dd-MM-yyyy is "dd-mm-aaaa" in Spanish, "jj-mm-aaaa" in
     * French, "dd-mm-yyyy" in English (the letters come from the bundle).
     */
    public static String placeholder(String pattern, String day, String month, String year) {
        StringBuilder shown = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            shown.append(switch (c) {
                case 'd' -> day;
                case 'M' -> month;
                case 'y', 'u' -> year;
                default -> String.valueOf(c);
            });
        }
        return shown.toString();
    }

    /**
     * The words for a coded value: {@code enum.<Type>.<VALUE>} from the bundle, the code itself when the
     * bundle has no words for it (a code the tenant made up, such as its own payment method).
     */
    public String label(String type, Object value) {
        return word("enum." + type, value);
    }

    /** The words for a code under an existing bundle prefix ({@code catalog.unit} + NIU → unidad), else the code. */
    public String word(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        String key = prefix + "." + code;
        String text = Texts.get(key);
        return key.equals(text) ? code : text;
    }

    /**
     * A payment method by its kind's words, with the tenant's own code when it says more ("Billetera móvil · YAPE",
     * but "Efectivo" rather than "Efectivo · EFECTIVO").
     */
    public String method(Object kind, String code) {
        String words = label("PaymentMethod", kind);
        if (code == null || code.isBlank() || code.equals(String.valueOf(kind instanceof Enum<?> e ? e.name() : kind))
                || plain(code).equalsIgnoreCase(plain(words))) {
            return words;
        }
        return words + " · " + code;
    }

    private static String plain(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** {@link #label(String, Object)} for an enum constant, typed by its class's simple name. */
    public String label(Enum<?> value) {
        return value == null ? "" : label(value.getDeclaringClass().getSimpleName(), value);
    }

    private static boolean isInstant(Object value) {
        return value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof LocalDateTime || value instanceof java.util.Date;
    }

    /**
     * The zone of the user's current location: the one the counter remembers for the user when visible to them,
     * else the first location a user of some locations works at; a user of every location (an administrator, an
     * accountant) not at the counter reads the tenant's zone, as before sign-in.
     */
    public ZoneId getZone() {
        if (userZone == null) {
            userZone = selector.getZone();
            Optional<Caller> caller = CurrentCaller.get();
            if (caller.isPresent()) {
                List<Location> visible = locations.listVisible();
                Optional<Long> remembered = CurrentLocation.remembered();
                visible.stream().filter(l -> remembered.isPresent() && remembered.get().equals(l.getId())).findFirst()
                        .or(() -> caller.get().allLocations() ? Optional.empty()
                                : visible.stream().filter(Location::isActive).findFirst())
                        .ifPresent(l -> userZone = l.zone());
            }
        }
        return userZone;
    }

    private static ZonedDateTime zoned(Object value, ZoneId zone) {
        if (value instanceof Instant i) {
            return i.atZone(zone);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone);
        }
        if (value instanceof LocalDateTime l) {
            return l.atZone(zone);
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(zone);
        }
        throw new IllegalArgumentException("Not an instant: " + value.getClass().getName());
    }
}
