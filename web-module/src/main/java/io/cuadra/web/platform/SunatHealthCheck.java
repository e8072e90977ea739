package io.cuadra.web.platform;

import io.cuadra.operations.infrastructure.SunatReachability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether SUNAT's billService answers, reported as data ({@code reachable}) of a check that stays UP: with SUNAT
 * down Cuadra still sells and issues, documents wait in the outbox and go when it is back, so a balancer must keep
 * sending traffic. An operator (or an alert on {@code reachable=false}) reads it; readiness does not act on it.
 */
@Readiness
@ApplicationScoped
public class SunatHealthCheck implements HealthCheck {

    @Inject
    SunatReachability sunat;

    @Override
    public HealthCheckResponse call() {
        SunatReachability.Probe p = sunat.now();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("sunat").up()
                .withData("reachable", p.reachable())
                .withData("target", p.target())
                .withData("latencyMs", p.latencyMs())
                .withData("checkedAt", p.at().toString());
        if (p.error() != null) {
            r.withData("error", p.error());
        }
        return r.build();
    }
}
