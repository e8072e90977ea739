package io.cuadra.web.shell;

import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Text of the back office's bundle in the user's language, for messages built in Java. */
public final class Texts {

    private Texts() {
    }

    public static String get(String key, Object... args) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ctx.getApplication().getResourceBundle(ctx, "msg");
        String text = bundle.containsKey(key) ? bundle.getString(key) : key;
        return args.length == 0 ? text : MessageFormat.format(text, args);
    }

    /** The language the texts are in (the view's). */
    public static java.util.Locale locale() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || ctx.getViewRoot() == null ? java.util.Locale.ROOT : ctx.getViewRoot().getLocale();
    }
}
