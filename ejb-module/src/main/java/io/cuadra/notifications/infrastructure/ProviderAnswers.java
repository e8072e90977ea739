package io.cuadra.notifications.infrastructure;

import io.cuadra.notifications.application.ChannelSender.ProviderRefused;
import io.cuadra.notifications.application.ChannelSender.ProviderUnavailable;
import io.cuadra.notifications.domain.ProviderVerdict;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * The one place an HTTP provider's answer is classified, for every HTTP channel: 2xx taken, 5xx/408/425/429 and
 * a broken connection or timeout "not now" ({@link ProviderUnavailable}), any other 4xx "never"
 * ({@link ProviderRefused}).
 */
final class ProviderAnswers {

    /** Made once: {@code Json.createReader} looks the JSON provider up again on every call (a service lookup). */
    private static final jakarta.json.JsonReaderFactory JSON = Json.createReaderFactory(java.util.Map.of());

    private ProviderAnswers() {
    }

    /** A request to {@code provider}, its answer judged: the JSON body when taken (an empty object if not JSON). */
    static JsonObject call(String provider, java.util.function.Supplier<Response> request)
            throws ProviderUnavailable, ProviderRefused {
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            // Connection refused, reset, read timeout: the provider may be back a moment later.
            throw new ProviderUnavailable(provider + " unreachable: " + e.getMessage(), e);
        }
        return judge(response, provider);
    }

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
        try (JsonReader r = JSON.createReader(new StringReader(body))) {
            return r.readObject();
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
