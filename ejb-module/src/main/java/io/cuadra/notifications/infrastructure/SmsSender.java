package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender;
import io.cuadra.notifications.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SMS through a Twilio-compatible Messages API; retries and the breaker are the delivery's (ProviderGuard). */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    @Inject
    ProviderClients clients;

    @Inject
    CallbackUrls callbacks;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public Receipt send(Outgoing m) throws ProviderUnavailable, ProviderRefused {
        String sid = m.settings().smsAccountSid();
        String basic = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + m.settings().smsAuthToken())
                .getBytes(StandardCharsets.UTF_8));
        Form form = new Form().param("To", m.recipient()).param("From", m.settings().smsFrom())
                .param("Body", m.content().text().strip());
        // Twilio reports delivered/undelivered to this URL, signed with the auth token (ProviderWebhooksResource).
        callbacks.of(m.tenantId(), Channel.SMS).ifPresent(u -> form.param("StatusCallback", u));
        SmsApi api = clients.client(SmsApi.class, m.settings().smsUrl());
        JsonObject answer = ProviderAnswers.call("SMS provider", () -> api.send(sid, basic, ChannelSender.idempotencyKey(m), form));
        return new Receipt(answer.getString("sid", null), answer.toString());
    }
}
