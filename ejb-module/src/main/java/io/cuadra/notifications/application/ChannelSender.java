package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Rendered;
import java.util.List;

/**
 * One channel's provider behind one interface: e-mail over SMTP, WhatsApp Cloud API, a Twilio-compatible SMS
 * API. Implementations say what the provider answered: taken (a receipt), not now ({@link ProviderUnavailable},
 * retried with backoff) or never ({@link ProviderRefused}, the message fails).
 */
public interface ChannelSender {

    Channel channel();

    Receipt send(Outgoing message) throws ProviderUnavailable, ProviderRefused;

    /** Which provider a message goes to: one circuit breaker per provider (channel and address). */
    default String provider(Outgoing message) {
        return message.settings().provider(channel());
    }

    /**
     * The key a provider that honours idempotency ({@code Idempotency-Key} header) dedupes on: the same for every
     * attempt of one message, so a hand-over repeated after a crash between the provider's acceptance and the commit
     * of SENT is taken once (e-mail has the same in its Message-ID). A resend is a new message: a new key.
     */
    static String idempotencyKey(Outgoing message) {
        return "cuadra-notification-" + message.tenantId() + "-" + message.messageId();
    }

    /** One file sent along (e-mail attachments). */
    record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** Everything a provider needs for one message. */
    record Outgoing(long messageId, long tenantId, String recipient, String language, Rendered content,
                    List<Attachment> attachments, ProviderSettings settings) {
    }

    /** The provider's id for the message and its answer, kept in the history. */
    record Receipt(String providerId, String answer) {
    }

    /** The provider could not take it now (5xx, timeout, rate limit, unreachable): the outbox tries again. */
    class ProviderUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public ProviderUnavailable(String answer, Throwable cause) {
            super(answer, cause);
        }
    }

    /** The provider's breaker is open after failing again and again: nothing was sent, try after {@code until}. */
    class ProviderPaused extends ProviderUnavailable {
        private static final long serialVersionUID = 1L;
        private final java.time.Instant until;

        public ProviderPaused(String provider, java.time.Instant until) {
            super(provider + " is paused until " + until + " after failing repeatedly", null);
            this.until = until;
        }

        public java.time.Instant until() {
            return until;
        }
    }

    /** The provider refused it (4xx: bad address, credentials, template): sending again would not help. */
    class ProviderRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public ProviderRefused(String answer) {
            super(answer);
        }
    }
}
