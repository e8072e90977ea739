package io.cuadra.reports.infrastructure;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * Titles, group and column headers of a report file made with no web request behind it (a scheduled report sent
 * by the timer cannot read the web module's bundles), in the schedule's language: es, en or fr; Spanish otherwise.
 */
public final class ReportFileWords implements UnaryOperator<String> {

    private final ResourceBundle bundle;

    private ReportFileWords(Locale locale) {
        this.bundle = ResourceBundle.getBundle("io.cuadra.reports.report-files", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param language a language tag such as "fr" or "es-PE"; null or unknown reads Spanish */
    public static ReportFileWords in(String language) {
        String lang = language == null ? "es" : Locale.forLanguageTag(language.strip()).getLanguage();
        return new ReportFileWords(switch (lang) {
            case "en", "fr" -> Locale.forLanguageTag(lang);
            default -> Locale.ROOT;
        });
    }

    /** The key's words ({@code reports.col.gross} → "Bruto"), or its last part when the bundle has none. */
    @Override
    public String apply(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }
}
