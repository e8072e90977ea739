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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SUNAT billService client for an issuer, chosen by configuration: {@code CUADRA_SUNAT_ENDPOINT} is
 * {@code beta}, {@code production} or the URL of a billService speaking the same protocol (the local
 * simulator the run command starts). The Clave SOL user signs in as RUC + user.
 *
 * <p>The SOL user defaults to beta's public test login (MODDATOS/moddatos). Production with that login is
 * refused before anything is sent: documents stay PENDING in the outbox and the log says what to set.
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

    private static final Logger LOG = Logger.getLogger(SunatGateways.class.getName());
    private static final String BETA_USER = "MODDATOS";
    private static final String BETA_PASSWORD = "moddatos";

    private final Map<String, SunatGateway> byRuc = new ConcurrentHashMap<>();

    /**
     * Why documents must not be sent with this configuration, logged as an error each time it stops a send;
     * empty when sending may go ahead.
     */
    public Optional<String> refusal() {
        Optional<String> refusal = refusal(endpoint, solUser, solPassword);
        refusal.ifPresent(r -> LOG.severe(r));
        return refusal;
    }

    static Optional<String> refusal(String endpoint, String user, String password) {
        if (!billService(endpoint).equals(SunatEnvironment.PRODUCTION.billService())) {
            return Optional.empty();
        }
        boolean noUser = user == null || user.isBlank() || BETA_USER.equalsIgnoreCase(user.strip());
        boolean noPassword = password == null || password.isBlank() || BETA_PASSWORD.equals(password);
        if (!noUser && !noPassword) {
            return Optional.empty();
        }
        return Optional.of("SUNAT production is configured (CUADRA_SUNAT_ENDPOINT=" + endpoint.strip() + ") without"
                + " a Clave SOL user of the company: " + (noUser ? "CUADRA_SUNAT_SOL_USER is "
                + (user == null || user.isBlank() ? "empty" : "beta's test user MODDATOS") : "CUADRA_SUNAT_SOL_PASSWORD"
                + " is " + (password == null || password.isBlank() ? "empty" : "beta's test password"))
                + ". Nothing is sent to SUNAT; documents stay PENDING until CUADRA_SUNAT_SOL_USER and"
                + " CUADRA_SUNAT_SOL_PASSWORD are set and the application restarted.");
    }

    /** The billService documents go to (operations probes its reachability). */
    public URI billService() {
        return billService(endpoint);
    }

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
