package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SMS through a Twilio-compatible Messages API; the same retry and breaker policy as WhatsApp. */
@ApplicationScoped
public class SmsSender extends HttpChannelSender {

    @Inject
    ProviderClients clients;

    @Override
    public Channel channel() {
        return Channel.SMS;
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
        String sid = m.settings().smsAccountSid();
        String basic = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + m.settings().smsAuthToken())
                .getBytes(StandardCharsets.UTF_8));
        Form form = new Form().param("To", m.recipient()).param("From", m.settings().smsFrom())
                .param("Body", m.content().text().strip());
        JsonObject answer = ProviderClients.judge(clients.client(SmsApi.class, m.settings().smsUrl())
                .send(sid, basic, form), "SMS provider");
        return new Receipt(answer.getString("sid", null), answer.toString());
    }
}
