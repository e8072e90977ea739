package io.cuadra.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/** The user's language: the browser's choice among the supported ones until the user picks another. */
@Named
@SessionScoped
public class LocaleSelector implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SUPPORTED = Set.of("es", "en");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            locale = ctx.getApplication().getViewHandler().calculateLocale(ctx);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches the language and re-renders the current page. */
    public String select(String language) {
        if (SUPPORTED.contains(language)) {
            locale = Locale.forLanguageTag(language);
            FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        }
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }
}
