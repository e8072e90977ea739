package io.cuadra.web.shell;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Company;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * The user's language and formats. The language is the one the user chose (remembered per user), else
 * the browser's among the supported ones, else the tenant's default; the region that formats numbers, money and
 * dates is the tenant's country (es + PE writes 1,234.50; fr + FR writes 1 234,50).
 */
@Named
@SessionScoped
public class LocaleSelector implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Set<String> SUPPORTED = Set.of("es", "en", "fr");

    @EJB
    CompanyService companies;

    @EJB
    UserService users;

    private String language;
    private String country;
    private String currency;
    private String zone;

    public Locale getLocale() {
        return country == null ? Locale.forLanguageTag(getLanguage()) : new Locale(getLanguage(), country);
    }

    public String getLanguage() {
        if (language == null) {
            language = browserLanguage();
        }
        tenantDefaults();
        return language;
    }

    /**
     * The locale numbers, money and dates are written in: the tenant country's own (es-PE, fr-FR, es-CL...)
     * whatever the language of the words, so a cost reads and types the same for everyone in one business.
     */
    public Locale getFormatLocale() {
        tenantDefaults();
        if (country == null) {
            return getLocale();
        }
        return new Locale("FR".equals(country) ? "fr" : "US".equals(country) || "GB".equals(country) ? "en" : "es",
                country);
    }

    /** The tenant's currency (PEN, EUR...), or null before sign-in. */
    public Currency getCurrency() {
        tenantDefaults();
        return currency == null ? null : Currency.getInstance(currency);
    }

    /** The zone instants are shown in: the tenant's. */
    public ZoneId getZone() {
        tenantDefaults();
        return zone == null ? ZoneId.of("America/Lima") : ZoneId.of(zone);
    }

    /** After sign-in: the language the user chose earlier wins over the browser's. */
    public void signedIn(long userId) {
        users.languageOf(userId).filter(SUPPORTED::contains).ifPresent(l -> language = l);
        country = null;
    }

    /** Switches the language, remembers it for the signed-in user, and re-renders the current page. */
    public String select(String chosen) {
        if (SUPPORTED.contains(chosen)) {
            language = chosen;
            if (CurrentCaller.get().isPresent()) {
                users.chooseOwnLanguage(chosen);
            }
            FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
        }
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }

    private String browserLanguage() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null) {
            Iterator<Locale> wanted = ctx.getExternalContext().getRequestLocales();
            while (wanted.hasNext()) {
                String l = wanted.next().getLanguage();
                if (SUPPORTED.contains(l)) {
                    return l;
                }
            }
        }
        return null;
    }

    /** Read once per session, after sign-in: the tenant's country, currency and zone (and language if none yet). */
    private void tenantDefaults() {
        if (country != null || CurrentCaller.get().isEmpty()) {
            if (language == null) {
                language = "es";
            }
            return;
        }
        Company company = companies.current();
        country = company.getCountry();
        currency = company.currency().getCurrencyCode();
        zone = company.zone().getId();
        if (language == null) {
            // The tenant's default language (Settings › Company), the first of those its people work in.
            language = companies.tenant().languages().get(0);
        }
    }
}
