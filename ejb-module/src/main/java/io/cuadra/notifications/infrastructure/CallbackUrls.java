package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a tenant's providers call back: {@code {base}/api/webhooks/{tenantId}/{whatsapp|sms}}, the base being
 * {@code cuadra.notifications.callback-url}, else {@code cuadra.public-url} (the address people reach Cuadra at).
 * Twilio signs the exact URL it called, so the sender and the verifier build it here, the same way.
 */
@ApplicationScoped
public class CallbackUrls {

    @Inject
    @ConfigProperty(name = "cuadra.notifications.callback-url")
    Optional<String> callbackUrl;

    @Inject
    @ConfigProperty(name = "cuadra.public-url")
    Optional<String> publicUrl;

    /** Empty when no public address is configured: then no delivery reports are asked for. */
    public Optional<String> of(long tenantId, Channel channel) {
        return callbackUrl.filter(u -> !u.isBlank()).or(() -> publicUrl.filter(u -> !u.isBlank()))
                .map(base -> base.replaceAll("/+$", "") + "/api/webhooks/" + tenantId + "/"
                        + channel.name().toLowerCase(Locale.ROOT));
    }
}
