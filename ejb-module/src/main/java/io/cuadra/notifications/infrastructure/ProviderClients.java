package io.cuadra.notifications.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * MicroProfile Rest Client proxies per provider base URL (tenants may point at different providers), with
 * connect/read timeouts and without the default exception mapper: {@link ProviderAnswers} reads every status.
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
}
