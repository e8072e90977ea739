package io.cuadra.billing.infrastructure.sunat;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom the gateway calls SUNAT.
 *
 * @param billServiceEndpoint a {@link SunatEnvironment}'s endpoint, or a local simulator's
 * @param credentials         the Clave SOL user that signs in with WS-Security
 * @param connectTimeout      how long to wait for the TCP/TLS connection
 * @param requestTimeout      how long to wait for SUNAT's answer once sent; SUNAT validates synchronously in
 *                            sendBill and is slow at peak hours, so this is generous by default
 */
public record SunatGatewayConfig(URI billServiceEndpoint, SolCredentials credentials, Duration connectTimeout,
                                 Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public SunatGatewayConfig {
        Objects.requireNonNull(billServiceEndpoint, "billServiceEndpoint");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = billServiceEndpoint.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("The billService endpoint must be http(s): " + billServiceEndpoint);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive");
        }
    }

    public static SunatGatewayConfig of(SunatEnvironment environment, SolCredentials credentials) {
        return of(environment.billService(), credentials);
    }

    public static SunatGatewayConfig of(URI billServiceEndpoint, SolCredentials credentials) {
        return new SunatGatewayConfig(billServiceEndpoint, credentials, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public SunatGatewayConfig withTimeouts(Duration connect, Duration request) {
        return new SunatGatewayConfig(billServiceEndpoint, credentials, connect, request);
    }
}
