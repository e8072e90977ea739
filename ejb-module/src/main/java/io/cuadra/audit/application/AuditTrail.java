package io.cuadra.audit.application;


import io.cuadra.audit.infrastructure.AuditWriter;
import io.cuadra.audit.domain.AuditEvent;
import io.cuadra.shared.tenancy.Actor;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Records events that are not row changes — logins, lockouts, logouts, password resets, permission
 * changes — at once, through the connection of the caller's transaction (the same persistence context's),
 * so they commit or roll back with it and never wait for that transaction's own locks. Called with no
 * transaction, the event gets a short transaction of its own (REQUIRED).
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public void security(Actor actor, String action, String entityType, Object entityId, String detailsJson) {
        AuditEvent event = new AuditEvent(actor.tenantId(), Instant.now(), actor.userId(), actor.name(), action,
                entityType, entityId == null ? null : String.valueOf(entityId), detailsJson, actor.ip(),
                actor.userAgent());
        AuditWriter.append(em.unwrap(Connection.class), List.of(event));
    }
}
