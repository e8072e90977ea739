package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender.ProviderRefused;
import io.cuadra.notifications.application.ChannelSender.ProviderUnavailable;
import io.cuadra.notifications.domain.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * MicroProfile Rest Client proxies per provider base URL (tenants may point at different providers), with
 * connect/read timeouts and without the default exception mapper: the senders read every status themselves.
 */
@ApplicationScoped
public class ProviderClients {

    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "cuadra.notifications.connect-timeout-ms", defaultValue = "3000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.read-timeout-ms", defaultValue = "8000")
    long readTimeoutMs;

    public <T> T client(Class<T> api, String baseUrl) {
        return api.cast(clients.computeIfAbsent(api.getName() + " " + baseUrl, k -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api)));
    }

    /** The answer's JSON body (an empty object when it is not JSON) after judging its status. */
    static JsonObject judge(Response response, String provider) throws ProviderUnavailable, ProviderRefused {
        int status = response.getStatus();
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } finally {
            response.close();
        }
        String answer = status + " " + body;
        return switch (ProviderVerdict.ofHttpStatus(status)) {
            case ACCEPTED -> parse(body);
            case RETRY -> throw new ProviderUnavailable(provider + " answered " + answer, null);
            case REFUSED -> throw new ProviderRefused(provider + " refused: " + answer);
        };
    }

    static JsonObject parse(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
