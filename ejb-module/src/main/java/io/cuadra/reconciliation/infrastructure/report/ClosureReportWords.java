package io.cuadra.reconciliation.infrastructure.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The closure report's words in the reader's language (es, en, fr; Spanish when another is asked for). */
public final class ClosureReportWords {

    private final ResourceBundle bundle;
    private final Locale locale;

    private ClosureReportWords(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.cuadra.reconciliation.closure-report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param language a language tag such as "fr" or "es-PE"; null or unknown reads Spanish */
    public static ClosureReportWords in(String language) {
        String lang = language == null ? "es" : Locale.forLanguageTag(language).getLanguage();
        return new ClosureReportWords(switch (lang) {
            case "en", "fr" -> Locale.forLanguageTag(lang);
            default -> Locale.ROOT;
        });
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** A code's word ({@code closure.CLOSED}), or the code itself when the report has no word for it. */
    String word(String prefix, String code) {
        try {
            return bundle.getString(prefix + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
