package io.cuadra.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.time.Year;
import java.util.Locale;

/**
 * How date pickers read what people type: the user's own order of day, month and year (15/03/2027 in
 * Peru, Chile, Mexico and France; 03/15/2027 in the United States), four-digit years, and a year list
 * wide enough for expiry dates years ahead and documents years back.
 */
@Named
@RequestScoped
public class DateInput {

    private static final int YEARS_BACK = 20;
    private static final int YEARS_AHEAD = 15;

    public String getPattern() {
        return patternFor(locale());
    }

    public Locale getLocale() {
        return locale();
    }

    /** What an empty picker shows: the pattern in the user's words (dd/mm/aaaa). */
    public String getPlaceholder() {
        return Texts.get("dates.placeholder");
    }

    public String getYearRange() {
        int now = Year.now().getValue();
        return (now - YEARS_BACK) + ":" + (now + YEARS_AHEAD);
    }

    public static String patternFor(Locale locale) {
        return "US".equals(locale.getCountry()) ? "MM/dd/yyyy" : "dd/MM/yyyy";
    }

    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx != null && ctx.getViewRoot() != null ? ctx.getViewRoot().getLocale() : Locale.getDefault();
    }
}
