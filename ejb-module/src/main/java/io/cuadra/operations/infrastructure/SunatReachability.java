package io.cuadra.operations.infrastructure;

import io.cuadra.billing.application.SunatGateways;
import io.cuadra.operations.application.Refreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether SUNAT's billService (the configured one: beta, production or the simulator) accepts a TCP connection,
 * probed at most every {@link #EVERY} with a {@link #TIMEOUT} limit: readiness polls must not turn into traffic
 * towards SUNAT nor wait on it.
 */
@ApplicationScoped
public class SunatReachability {

    static final Duration EVERY = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** The last probe: its target, outcome, latency and why it failed. */
    public record Probe(Instant at, String target, boolean reachable, long latencyMs, String error) {
    }

    @Inject
    SunatGateways gateways;

    private final Refreshed<Probe> probe = new Refreshed<>(EVERY, () -> probe(gateways.billService()), Probe::at);

    public Probe now() {
        return probe.get();
    }

    static Probe probe(URI billService) {
        String host = billService.getHost();
        int port = billService.getPort() > 0 ? billService.getPort() : "https".equalsIgnoreCase(billService.getScheme()) ? 443 : 80;
        String target = host + ":" + port;
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return new Probe(Instant.now(), target, true, (System.nanoTime() - t0) / 1_000_000, null);
        } catch (IOException | IllegalArgumentException e) {
            return new Probe(Instant.now(), target, false, (System.nanoTime() - t0) / 1_000_000,
                    e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
    }
}
