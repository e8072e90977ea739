package io.cuadra.notifications.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the providers tell us after a send: a message's fate, and a customer's reply that means "stop". */
public final class ProviderReports {

    /** Replies that opt out (Twilio's standard keywords, and their Spanish and French customs). */
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "BAJA", "ALTO", "ARRET", "DESABONNER");

    private ProviderReports() {
    }

    /**
     * The status a provider's report moves a SENT message to: delivered or read (WhatsApp) as DELIVERED; failed
     * or undelivered (Twilio) as FAILED; anything else (queued, sent, accepted) changes nothing.
     */
    public static Optional<NotificationStatus> statusOf(String providerStatus) {
        if (providerStatus == null) {
            return Optional.empty();
        }
        return switch (providerStatus.strip().toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> Optional.of(NotificationStatus.DELIVERED);
            case "failed", "undelivered" -> Optional.of(NotificationStatus.FAILED);
            default -> Optional.empty();
        };
    }

    /** Whether a customer's reply asks to stop: one keyword alone, any case, accents and punctuation ignored. */
    public static boolean asksToStop(String reply) {
        if (reply == null) {
            return false;
        }
        String word = Normalizer.normalize(reply.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[\\p{Punct}\\s]+$", "").replaceAll("^[\\p{Punct}\\s]+", "").toUpperCase(Locale.ROOT);
        return STOP_WORDS.contains(word);
    }
}
