package io.cuadra.operations.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * Requests and their latencies per REST endpoint, in the application registry: one timer per endpoint template
 * (not per URI, so ids do not multiply the series) and status, as Prometheus' {@code cuadra_http_requests_seconds}
 * ({@code _count}, {@code _sum}, {@code _max}, quantiles). The boundary reports each answered request here.
 */
@ApplicationScoped
public class RequestMetrics {

    static final Metadata REQUESTS = Metadata.builder().withName("cuadra.http.requests").withUnit(MetricUnits.SECONDS)
            .withDescription("REST requests answered by this server, by endpoint template and status").build();

    @Inject
    MetricRegistry registry;

    /** {@code endpoint}: the HTTP method and the matched path template ({@code POST /api/orders/{id}/pay}). */
    public void answered(String endpoint, int status, Duration took) {
        registry.timer(REQUESTS, new Tag("endpoint", endpoint), new Tag("status", Integer.toString(status)))
                .update(took);
    }
}
