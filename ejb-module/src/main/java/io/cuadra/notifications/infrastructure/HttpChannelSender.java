package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import jakarta.ws.rs.ProcessingException;

/**
 * An HTTP provider's sender: one try maps a broken connection to {@link ProviderUnavailable}. The concrete
 * senders declare {@code send} again with the MicroProfile Fault Tolerance policy (Payara's Fault Tolerance did
 * not apply the annotations when they sat on this inherited method): a time limit per try, a few quick retries of what may
 * pass a moment later (5xx, 429, unreachable) but never of a refusal, and a breaker per provider that stops
 * calling one that keeps failing (the outbox's backoff then spaces the attempts).
 */
abstract class HttpChannelSender implements ChannelSender {

    @Override
    public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        try {
            return call(m);
        } catch (ProcessingException e) {
            throw new ProviderUnavailable(channel() + " provider unreachable: " + e.getMessage(), e);
        }
    }

    /** One try: the request, the answer judged by {@link ProviderClients#judge}. */
    abstract Receipt call(Outgoing m) throws ProviderUnavailable, ProviderRefused;
}
