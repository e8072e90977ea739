package io.cuadra.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import io.cuadra.web.l10n.Formats;
import jakarta.inject.Inject;
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

    @Inject
    Formats fmt;

    /**
     * What an empty picker shows: the tenant country's pattern in the user's letters (dd-mm-aaaa in Chile,
     * jj/mm/aaaa in French). The letters are those of the bundle's own example, "dd/mm/aaaa".
     */
    public String getPlaceholder() {
        String letters = Texts.get("dates.placeholder");
        return Formats.placeholder(fmt.datePattern(), letters.substring(0, 1), letters.substring(3, 4),
                letters.substring(6, 7));
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
