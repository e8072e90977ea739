package io.cuadra.notifications.domain;

import java.util.Locale;
import java.util.Set;

/** The languages templates exist in; anything else falls back to Spanish, the business's own. */
public final class Language {

    public static final Set<String> SUPPORTED = Set.of("es", "en", "fr");
    public static final String DEFAULT = "es";

    private Language() {
    }

    public static String of(String preferred) {
        if (preferred == null) {
            return DEFAULT;
        }
        String l = preferred.strip().toLowerCase(Locale.ROOT);
        l = l.length() > 2 ? l.substring(0, 2) : l;
        return SUPPORTED.contains(l) ? l : DEFAULT;
    }

    /** WhatsApp's template language codes for ours. */
    public static String whatsappCode(String language) {
        return switch (of(language)) {
            case "en" -> "en_US";
            case "fr" -> "fr";
            default -> "es";
        };
    }
}
