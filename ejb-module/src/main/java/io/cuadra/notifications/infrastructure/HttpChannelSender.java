package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The policy every HTTP provider is called with (MicroProfile Fault Tolerance): a time limit per try, a few quick
 * retries of what may pass a moment later (5xx, 429, unreachable) but never of a refusal, and a breaker per
 * provider class that stops calling one that keeps failing (the outbox's backoff then spaces the attempts).
 */
abstract class HttpChannelSender implements ChannelSender {

    @Override
    @Timeout(15_000)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class, abortOn = ProviderRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            failOn = ProviderUnavailable.class, skipOn = ProviderRefused.class)
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
