package io.cuadra.identity.infrastructure.audit;

import io.cuadra.identity.domain.AuditEvent;
import io.cuadra.shared.tenancy.Actor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Records events that are not row changes — logins, lockouts, logouts, password resets, permission
 * changes — into the same per-transaction chain as the automatic row audit.
 */
@ApplicationScoped
public class AuditTrail {

    public void security(Actor actor, String action, String entityType, Object entityId, String detailsJson) {
        AuditBuffer.current().add(new AuditEvent(actor.tenantId(), Instant.now(), actor.userId(), actor.name(),
                action, entityType, entityId == null ? null : String.valueOf(entityId), detailsJson, actor.ip(),
                actor.userAgent()));
    }
}
