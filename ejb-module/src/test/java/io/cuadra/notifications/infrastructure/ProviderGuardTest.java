package io.cuadra.notifications.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuadra.notifications.application.ChannelSender;
import io.cuadra.notifications.application.ProviderSettings;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.ProviderBreaker;
import io.cuadra.notifications.domain.Rendered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderGuardTest {

    private static final ChannelSender.Outgoing MESSAGE = new ChannelSender.Outgoing(1, 1, "+51987654321", "es",
            new Rendered(null, "Hola", null, null, List.of()), List.of(),
            new ProviderSettings(null, "http://w", "v21.0", "1", "t", "http://s", "AC1", "t", "+1500", "secret"));

    /** A provider that answers from a script: "500" unavailable, "400" refused, anything else taken. */
    private static final class Scripted implements ChannelSender {
        final Deque<String> answers = new ArrayDeque<>();
        int calls;

        Scripted(String... script) {
            answers.addAll(List.of(script));
        }

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
            calls++;
            String a = answers.isEmpty() ? "ok" : answers.pop();
            return switch (a) {
                case "500" -> throw new ProviderUnavailable("500", null);
                case "400" -> throw new ProviderRefused("400");
                default -> new Receipt("SM" + calls, a);
            };
        }
    }

    private static ProviderGuard guard(int retries, int threshold) {
        ProviderGuard g = new ProviderGuard();
        g.retries = retries;
        g.retryDelayMs = 1;
        g.threshold = threshold;
        g.pauseSeconds = 30;
        g.clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
        return g;
    }

    @Test
    void aBlipIsRetriedInsideOneDeliveryAndSentOnce() throws Exception {
        Scripted provider = new Scripted("500", "500");
        ChannelSender.Receipt r = guard(2, 5).send(provider, MESSAGE);
        assertThat(r.providerId()).isEqualTo("SM3");
        assertThat(provider.calls).isEqualTo(3);
    }

    @Test
    void aRefusalIsNeverRetried() {
        Scripted provider = new Scripted("400");
        assertThatThrownBy(() -> guard(2, 5).send(provider, MESSAGE))
                .isInstanceOf(ChannelSender.ProviderRefused.class);
        assertThat(provider.calls).isEqualTo(1);
    }

    @Test
    void aProviderFailingAgainAndAgainIsPausedAndNotCalledWhilePaused() {
        Scripted provider = new Scripted("500", "500", "500", "500", "500", "500");
        ProviderGuard g = guard(1, 3);
        assertThatThrownBy(() -> g.send(provider, MESSAGE)).isInstanceOf(ChannelSender.ProviderUnavailable.class)
                .isNotInstanceOf(ChannelSender.ProviderPaused.class);
        // the third failure in a row opens the breaker during the second delivery's retry
        assertThatThrownBy(() -> g.send(provider, MESSAGE)).isInstanceOf(ChannelSender.ProviderPaused.class);
        int calls = provider.calls;
        assertThat(calls).isEqualTo(3);
        assertThatThrownBy(() -> g.send(provider, MESSAGE)).isInstanceOf(ChannelSender.ProviderPaused.class)
                .satisfies(e -> assertThat(((ChannelSender.ProviderPaused) e).until())
                        .isEqualTo(Instant.parse("2026-12-07T10:00:30Z")));
        assertThat(provider.calls).as("not called while paused").isEqualTo(calls);
        assertThat(g.health()).containsOnlyKeys("SMS http://s");
        assertThat(g.health().get("SMS http://s").state()).isEqualTo(ProviderBreaker.State.OPEN);
    }
}
