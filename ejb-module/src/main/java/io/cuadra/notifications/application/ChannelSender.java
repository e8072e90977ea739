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

    /** The provider refused it (4xx: bad address, credentials, template): sending again would not help. */
    class ProviderRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public ProviderRefused(String answer) {
            super(answer);
        }
    }
}
