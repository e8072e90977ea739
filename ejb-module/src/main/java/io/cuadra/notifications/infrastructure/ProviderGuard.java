package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import io.cuadra.notifications.application.ChannelSender.Outgoing;
import io.cuadra.notifications.application.ChannelSender.ProviderPaused;
import io.cuadra.notifications.application.ChannelSender.ProviderRefused;
import io.cuadra.notifications.application.ChannelSender.ProviderUnavailable;
import io.cuadra.notifications.application.ChannelSender.Receipt;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.ProviderBreaker;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fault tolerance around every HTTP provider call (WhatsApp, SMS; e-mail goes straight to the mail session), one
 * circuit breaker per provider: a few quick retries with
 * exponential backoff and jitter absorb a blip (5xx, 429, timeout; never a 4xx refusal); a provider failing
 * {@code breaker-threshold} calls in a row is paused for {@code breaker-pause-seconds} and its messages wait
 * QUEUED without spending attempts ({@link ProviderPaused}), then one trial call decides whether it resumes.
 *
 * <p>Hand-written instead of MicroProfile Fault Tolerance: Payara 6.2025.10 left {@code @Retry} and
 * {@code @CircuitBreaker} on the EJB module's {@code @ApplicationScoped} senders unapplied (measured: three 500s
 * cost three outbox attempts).
 */
@ApplicationScoped
public class ProviderGuard {

    private final Map<String, ProviderBreaker> breakers = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "cuadra.notifications.retries", defaultValue = "2")
    int retries;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.retry-delay-ms", defaultValue = "200")
    long retryDelayMs;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.breaker-threshold", defaultValue = "5")
    int threshold;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.breaker-pause-seconds", defaultValue = "30")
    int pauseSeconds;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void check() {
        if (retries < 0 || retryDelayMs < 0) {
            throw new IllegalStateException("cuadra.notifications.retries and retry-delay-ms must not be negative");
        }
    }

    /** Sends through {@code sender} under the provider's breaker, retrying what may pass a moment later. */
    public Receipt send(ChannelSender sender, Outgoing m) throws ProviderUnavailable, ProviderRefused {
        if (sender.channel() == Channel.EMAIL) {
            // The mail server is the domain's own relay, not a remote API: its failures go to the outbox's backoff
            // and attempts as before, so a long SMTP outage ends in FAILED instead of waiting paused forever.
            return sender.send(m);
        }
        String provider = sender.provider(m);
        ProviderBreaker breaker = breakers.computeIfAbsent(provider,
                p -> new ProviderBreaker(threshold, Duration.ofSeconds(Math.max(1, pauseSeconds))));
        for (int attempt = 0; ; attempt++) {
            var paused = breaker.refusal(clock.instant());
            if (paused.isPresent()) {
                throw new ProviderPaused(provider, paused.get());
            }
            try {
                Receipt receipt = sender.send(m);
                breaker.succeeded();
                return receipt;
            } catch (ProviderRefused e) {
                breaker.succeeded(); // it answered: the message is wrong, not the provider
                throw e;
            } catch (ProviderUnavailable | RuntimeException e) {
                breaker.failed(clock.instant());
                if (attempt >= retries) {
                    throw e;
                }
            }
            sleep(backoff(attempt));
        }
    }

    /** 200 ms, 400 ms, 800 ms... with up to half of it again as jitter, so parallel retries do not align. */
    long backoff(int attempt) {
        long base = retryDelayMs << Math.min(attempt, 10);
        return base + (base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleep(long ms) throws ProviderUnavailable {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted between retries", e);
        }
    }

    /** Every provider called since the start, with its breaker's state. */
    public Map<String, ProviderBreaker.Snapshot> health() {
        Map<String, ProviderBreaker.Snapshot> out = new TreeMap<>();
        breakers.forEach((p, b) -> out.put(p, b.snapshot()));
        return out;
    }
}
