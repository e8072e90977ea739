package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * WhatsApp through the Business Cloud API: a template message (the template approved at Meta, in the
 * recipient's language, its body parameters filled) or, for an event without one, a text message. A few quick
 * retries absorb a blip; a provider that keeps failing opens the breaker and the outbox's backoff takes over.
 */
@ApplicationScoped
public class WhatsAppSender extends HttpChannelSender {

    @Inject
    ProviderClients clients;

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    /**
     * The policy, declared on the bean's own method. Payara 6.2025.10 was measured not to apply it to this bean of
     * the EAR's EJB module (three 500s cost three outbox attempts); the outbox's backoff is what retries today.
     */
    @Override
    @Timeout(15_000)
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ProviderUnavailable.class, abortOn = ProviderRefused.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            failOn = ProviderUnavailable.class, skipOn = ProviderRefused.class)
    public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        return super.send(m);
    }

    @Override
    Receipt call(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        String body = body(m).toString();
        JsonObject answer = ProviderClients.judge(clients.client(WhatsAppApi.class, m.settings().whatsappUrl())
                .send(m.settings().whatsappVersion(), m.settings().whatsappPhoneNumberId(),
                        "Bearer " + m.settings().whatsappToken(), body), "WhatsApp");
        String id = answer.containsKey("messages") && !answer.getJsonArray("messages").isEmpty()
                ? answer.getJsonArray("messages").getJsonObject(0).getString("id", null) : null;
        return new Receipt(id, answer.toString());
    }

    static JsonObject body(Outgoing m) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                // The Cloud API takes the number with its country code, without the +.
                .add("to", m.recipient().replace("+", ""));
        if (m.content().whatsappTemplate() != null) {
            JsonArrayBuilder parameters = Json.createArrayBuilder();
            for (String p : m.content().whatsappParameters()) {
                parameters.add(Json.createObjectBuilder().add("type", "text").add("text", p));
            }
            b.add("type", "template").add("template", Json.createObjectBuilder()
                    .add("name", m.content().whatsappTemplate())
                    .add("language", Json.createObjectBuilder().add("code", Language.whatsappCode(m.language())))
                    .add("components", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "body").add("parameters", parameters))));
        } else {
            b.add("type", "text").add("text", Json.createObjectBuilder().add("body", m.content().text().strip()));
        }
        return b.build();
    }
}
