package io.cuadra.platform.domain;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.identity.domain.User;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.domain.RuleViolation;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms a tenant is opened on, checked against its country's pack: what the operator asked for, with
 * the pack's defaults filled in (currency, time zone, languages, fiscal regime, first location's name). The
 * company's tax id must hold under one of the country's tax id rules (RUC, RUT, RFC, SIRET/SIREN/VAT).
 */
public record TenantCharter(String slug, String legalName, String tradeName, String taxId, String taxIdType,
                            String address, CountryPack pack, Currency currency, ZoneId timeZone,
                            List<String> languages, String fiscalRegime, String locationCode, String locationName,
                            String adminEmail, String adminFirstName, String adminLastName, String adminUsername,
                            RoleTemplateSet roleTemplate) {

    /** The languages the back office speaks. */
    public static final Set<String> LANGUAGES = io.cuadra.identity.domain.Tenant.BACK_OFFICE_LANGUAGES;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern LOCATION_CODE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** What the operator sent; blanks and nulls take the pack's defaults where there is one. */
    public record Request(String slug, String legalName, String tradeName, String taxId, String address,
                          String country, String currency, String timeZone, List<String> languages,
                          String fiscalRegime, String locationCode, String locationName, String adminEmail,
                          String adminFirstName, String adminLastName, String adminUsername, String roleTemplate) {

        /** Without a username for the administrator and without a role template (the default roles only). */
        public Request(String slug, String legalName, String tradeName, String taxId, String address, String country,
                       String currency, String timeZone, List<String> languages, String fiscalRegime,
                       String locationCode, String locationName, String adminEmail, String adminFirstName,
                       String adminLastName) {
            this(slug, legalName, tradeName, taxId, address, country, currency, timeZone, languages, fiscalRegime,
                    locationCode, locationName, adminEmail, adminFirstName, adminLastName, null, null);
        }
    }

    public static TenantCharter of(Request r) {
        List<String> problems = new ArrayList<>();
        CountryPack pack = CountryPacks.find(r.country()).orElse(null);
        if (pack == null) {
            throw new RuleViolation("country: Cuadra has country packs for " + String.join(", ",
                    CountryPacks.all().stream().map(CountryPack::country).toList()) + ", not \"" + r.country() + "\".").withKey("platform.cuadraCountryPacks", String.join(", ",
                    CountryPacks.all().stream().map(CountryPack::country).toList()), r.country());
        }
        String slug = text(r.slug()).toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            problems.add("slug: 2 to 40 lower-case letters, digits or dashes, starting with a letter or digit.");
        }
        String legalName = require(r.legalName(), "legalName", 200, problems);
        String address = require(r.address(), "address", 300, problems);
        String tradeName = text(r.tradeName()).isEmpty() ? null : text(r.tradeName());
        String taxIdType = null;
        String taxId = text(r.taxId());
        Optional<DocumentCheck> check = DocumentType.firstValid(pack.companyTaxIdTypes(), r.taxId());
        if (check.isPresent()) {
            taxIdType = check.get().type().name();
            taxId = check.get().number();
        } else {
            String first = pack.companyTaxIdTypes().get(0);
            problems.add("taxId: not a valid " + String.join(" / ", pack.companyTaxIdTypes()) + " for "
                    + pack.name() + ". " + DocumentType.valueOf(first).check(r.taxId()).problem());
        }
        Currency currency = pack.currency();
        if (!text(r.currency()).isEmpty()) {
            try {
                currency = Currency.getInstance(text(r.currency()).toUpperCase(Locale.ROOT));
                if (currency.getDefaultFractionDigits() < 0) {
                    throw new IllegalArgumentException("XXX, XAU...: codes that are no money to sell in");
                }
            } catch (IllegalArgumentException e) {
                problems.add("currency: \"" + r.currency() + "\" is not an ISO 4217 currency code.");
            }
        }
        ZoneId zone = pack.timeZone();
        if (!text(r.timeZone()).isEmpty()) {
            try {
                zone = ZoneId.of(text(r.timeZone()));
            } catch (DateTimeException e) {
                problems.add("timeZone: \"" + r.timeZone() + "\" is not a time zone (e.g. " + pack.timeZone() + ").");
            }
        }
        List<String> languages = r.languages() == null || r.languages().isEmpty() ? pack.languages()
                : r.languages().stream().map(l -> text(l).toLowerCase(Locale.ROOT)).distinct().toList();
        if (!LANGUAGES.containsAll(languages)) {
            problems.add("languages: the back office speaks " + String.join(", ", LANGUAGES.stream().sorted().toList())
                    + "; got " + languages + ".");
        }
        String regime = text(r.fiscalRegime()).isEmpty() ? pack.fiscalRegime()
                : text(r.fiscalRegime()).toUpperCase(Locale.ROOT);
        if (!CountryPack.FISCAL_REGIMES.contains(regime)) {
            problems.add("fiscalRegime: one of " + String.join(", ", CountryPack.FISCAL_REGIMES.stream().sorted().toList())
                    + "; got \"" + r.fiscalRegime() + "\".");
        }
        String locationCode = text(r.locationCode()).isEmpty() ? "SEDE01" : text(r.locationCode()).toUpperCase(Locale.ROOT);
        if (!LOCATION_CODE.matcher(locationCode).matches()) {
            problems.add("locationCode: 2 to 10 capital letters or digits.");
        }
        String locationName = text(r.locationName()).isEmpty() ? pack.firstLocationName() : text(r.locationName());
        String adminEmail = text(r.adminEmail()).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(adminEmail).matches()) {
            problems.add("adminEmail: the first administrator's e-mail address receives the invitation.");
        }
        // A username too (SIPUD's people sign in as username@slug); the e-mail still carries the invitation.
        String adminUsername = null;
        try {
            adminUsername = User.checkedUsername(r.adminUsername());
        } catch (RuleViolation e) {
            problems.add("admin" + e.getMessage().substring(0, 1).toUpperCase(Locale.ROOT) + e.getMessage().substring(1));
        }
        RoleTemplateSet template = null;
        if (!text(r.roleTemplate()).isEmpty()) {
            try {
                template = RoleTemplateSet.valueOf(text(r.roleTemplate()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("roleTemplate: one of " + String.join(", ", java.util.Arrays.stream(RoleTemplateSet.values())
                        .map(Enum::name).toList()) + "; got \"" + r.roleTemplate() + "\".");
            }
        }
        String first = require(r.adminFirstName(), "adminFirstName", 80, problems);
        String last = require(r.adminLastName(), "adminLastName", 80, problems);
        if (!problems.isEmpty()) {
            // The operator's screen names each field; the key words the refusal as a whole.
            throw new RuleViolation(String.join(" ", problems)).withKey("platform.charterIncomplete", problems.size());
        }
        return new TenantCharter(slug, legalName, tradeName, taxId, taxIdType, address, pack, currency, zone,
                languages, regime, locationCode, locationName, adminEmail, first, last, adminUsername, template);
    }

    /** The tenant's display name: the trade name people know, else the legal name. */
    public String displayName() {
        return tradeName == null ? legalName : tradeName;
    }

    private static String require(String value, String field, int max, List<String> problems) {
        String v = text(value);
        if (v.isEmpty() || v.length() > max) {
            problems.add(field + ": required, at most " + max + " characters.");
        }
        return v;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
