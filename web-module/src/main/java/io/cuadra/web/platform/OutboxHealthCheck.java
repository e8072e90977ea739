package io.cuadra.web.platform;

import io.cuadra.operations.application.OperationsFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's backlog (messages not yet delivered, the oldest one's wait, per topic). A backlog does not make a
 * server unready: every server drains the same outbox, so taking one out of the balancer would not help; alerts on
 * depth and age belong to the metrics. Down only when the outbox cannot be read.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OperationsFigures figures;

    @Override
    public HealthCheckResponse call() {
        OperationsFigures.Snapshot s = figures.now();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("outbox").status(s.readable())
                .withData("depth", s.outboxDepth())
                .withData("oldestAgeSeconds", s.oldestOutboxAgeSeconds())
                .withData("readAt", s.takenAt().toString());
        s.outbox().forEach((topic, backlog) -> r.withData("depth." + topic, backlog.depth()));
        return r.build();
    }
}
