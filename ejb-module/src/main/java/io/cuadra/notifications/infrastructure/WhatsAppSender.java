package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * WhatsApp through the Business Cloud API: a template message (the template approved at Meta, in the
 * recipient's language, its body parameters filled) or, for an event without one, a text message. Retries and
 * the breaker are the delivery's ({@link ProviderGuard}).
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    @Inject
    ProviderClients clients;

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        String body = body(m).toString();
        WhatsAppApi api = clients.client(WhatsAppApi.class, m.settings().whatsappUrl());
        JsonObject answer = ProviderAnswers.call("WhatsApp", () -> api.send(m.settings().whatsappVersion(),
                m.settings().whatsappPhoneNumberId(), "Bearer " + m.settings().whatsappToken(),
                ChannelSender.idempotencyKey(m), body));
        String id = answer.containsKey("messages") && !answer.getJsonArray("messages").isEmpty()
                ? answer.getJsonArray("messages").getJsonObject(0).getString("id", null) : null;
        return new Receipt(id, answer.toString());
    }

    static JsonObject body(Outgoing m) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                // The Cloud API takes the number with its country code, without the +.
                .add("to", m.recipient().replace("+", ""))
                // echoed in the status webhooks: which of our messages a report is about, beside Meta's wamid
                .add("biz_opaque_callback_data", "notification:" + m.tenantId() + ":" + m.messageId());
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
