package io.cuadra.billing.application;

import io.cuadra.billing.infrastructure.sunat.BillServiceClient;
import io.cuadra.billing.infrastructure.sunat.SolCredentials;
import io.cuadra.billing.infrastructure.sunat.SunatEnvironment;
import io.cuadra.billing.infrastructure.sunat.SunatGateway;
import io.cuadra.billing.infrastructure.sunat.SunatGatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SUNAT billService client for an issuer, chosen by configuration: {@code CUADRA_SUNAT_ENDPOINT} is
 * {@code beta}, {@code production} or the URL of a billService speaking the same protocol (the local
 * simulator the run command starts). The Clave SOL user signs in as RUC + user.
 */
@ApplicationScoped
public class SunatGateways {

    @Inject
    @ConfigProperty(name = "cuadra.sunat.endpoint", defaultValue = "beta")
    String endpoint;

    @Inject
    @ConfigProperty(name = "cuadra.sunat.sol-user", defaultValue = "MODDATOS")
    String solUser;

    @Inject
    @ConfigProperty(name = "cuadra.sunat.sol-password", defaultValue = "moddatos")
    String solPassword;

    @Inject
    @ConfigProperty(name = "cuadra.sunat.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    private final Map<String, SunatGateway> byRuc = new ConcurrentHashMap<>();

    public SunatGateway forIssuer(String ruc) {
        return byRuc.computeIfAbsent(ruc, r -> new BillServiceClient(
                SunatGatewayConfig.of(billService(endpoint), new SolCredentials(r, solUser, solPassword))
                        .withTimeouts(SunatGatewayConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds))));
    }

    static URI billService(String configured) {
        String value = configured.strip();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "beta" -> SunatEnvironment.BETA.billService();
            case "production" -> SunatEnvironment.PRODUCTION.billService();
            default -> URI.create(value);
        };
    }
}
