package io.cuadra.shared.outbox;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes outbox messages in the caller's transaction: they exist exactly when the business change that
 * asks for them commits, and {@link OutboxWorker} delivers them afterwards.
 */
@Stateless
public class Outbox {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Queues a message for the current tenant, due now. */
    public void enqueue(String topic, long aggregateId) {
        String actor = TenantContext.actorName();
        CrossTenantSql.query(em, """
                insert into outbox_messages (id, tenant_id, topic, aggregate_id, created_by, updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, ?4, ?4)""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, actor)
                .executeUpdate();
    }

    /**
     * Makes the undelivered message of this aggregate due now (a person asked to retry), reviving a given-up
     * one; queues a new one when none is left undelivered. Returns whether an existing message was revived.
     */
    public boolean retryNow(String topic, long aggregateId) {
        int revived = CrossTenantSql.query(em, """
                update outbox_messages set status = 'PENDING', next_attempt_at = now(), locked_until = null,
                       updated_at = now(), updated_by = ?4, version = version + 1
                 where tenant_id = ?1 and topic = ?2 and aggregate_id = ?3 and status in ('PENDING', 'FAILED')""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, TenantContext.actorName())
                .executeUpdate();
        if (revived == 0) {
            enqueue(topic, aggregateId);
        }
        return revived > 0;
    }
}
