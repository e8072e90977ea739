package io.cuadra.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Something worth recording, before it is numbered and chained. {@code changes} is JSON or null. */
public record AuditEvent(long tenantId, Instant at, Long userId, String userEmail, String action,
                         String entityType, String entityId, String changes, String ip, String userAgent) {

    public AuditEvent {
        // PostgreSQL keeps microseconds: hash what will be stored.
        at = at.truncatedTo(ChronoUnit.MICROS);
        userAgent = userAgent != null && userAgent.length() > 300 ? userAgent.substring(0, 300) : userAgent;
    }
}
