package io.cuadra.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.time.Year;
import java.util.Locale;

/**
 * What date pickers offer besides their pattern (which is the tenant country's, from {@code fmt}): the
 * user's language for month and day names, and a year list wide enough for expiry dates years ahead and
 * documents years back.
 */
@Named
@RequestScoped
public class DateInput {

    private static final int YEARS_BACK = 20;
    private static final int YEARS_AHEAD = 15;

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

    private static Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx != null && ctx.getViewRoot() != null ? ctx.getViewRoot().getLocale() : Locale.getDefault();
    }
}
