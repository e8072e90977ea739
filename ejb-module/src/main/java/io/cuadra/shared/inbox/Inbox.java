package io.cuadra.shared.inbox;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.outbox.Outbox;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Messages pushed to us by outside systems, each stored once by the sender's id (per tenant and source) in the
 * caller's transaction. A webhook ({@link #accept}) is handed after commit to the outbox handler of topic
 * {@link #topicOf(String) inbox.SOURCE} with the inbox row's id as aggregate, so the sender gets its answer as
 * soon as the row is committed; a message answered in the same exchange ({@link #takeOnce}) is stored already
 * handled, in the transaction that handles it. Either way a second delivery of the same id (senders retry, and
 * send twice) stores, queues and changes nothing.
 */
@Stateless
public class Inbox {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    Outbox outbox;

    /** The outbox topic that hands {@code source}'s messages to their handler. */
    public static String topicOf(String source) {
        return "inbox." + source;
    }

    /** Stores a message for the current tenant; false when this sender's id was already stored. */
    public boolean accept(String source, String messageId, String topic, String payload) {
        Optional<Long> stored = store(source, messageId, topic, payload, false);
        stored.ifPresent(id -> outbox.enqueue(topicOf(source), id));
        return stored.isPresent();
    }

    /**
     * Records a message handled in the caller's transaction (it commits exactly when what the message changed
     * commits); false when this sender's id was taken before: a repeat, to refuse without changing anything.
     * Two deliveries at once meet at the unique key: the second waits for the first's commit, then sees false.
     */
    public boolean takeOnce(String source, String messageId, String topic, String payload) {
        return store(source, messageId, topic, payload, true).isPresent();
    }

    private Optional<Long> store(String source, String messageId, String topic, String payload, boolean handled) {
        @SuppressWarnings("unchecked")
        List<Number> stored = CrossTenantSql.query(em, """
                insert into inbox_messages (id, tenant_id, source, message_id, topic, payload, status, processed_at,
                                            created_by, updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, ?4, ?5, ?7, case when ?7 = 'PROCESSED' then now() end,
                        ?6, ?6)
                on conflict (tenant_id, source, message_id) do nothing
                returning id""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, source)
                .setParameter(3, messageId)
                .setParameter(4, topic)
                .setParameter(5, payload)
                .setParameter(6, TenantContext.actorName())
                .setParameter(7, handled ? "PROCESSED" : "RECEIVED")
                .getResultList();
        return stored.stream().findFirst().map(Number::longValue);
    }

    /** A stored message of the current tenant. */
    public Optional<InboxMessage> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select id, source, message_id, topic, payload, status from inbox_messages
                 where id = ?1 and tenant_id = ?2""")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId()).getResultList();
        return rows.stream().findFirst().map(r -> new InboxMessage(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], "PROCESSED".equals(r[5])));
    }

    public void processed(long id) {
        CrossTenantSql.query(em, """
                update inbox_messages set status = 'PROCESSED', processed_at = now(), updated_at = now(),
                       updated_by = ?3, version = version + 1
                 where id = ?1 and tenant_id = ?2""")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, TenantContext.actorName()).executeUpdate();
    }

    /** How many of the current tenant's messages from {@code source} are stored, and how many handled. */
    public InboxCounts counts(String source) {
        Object[] row = (Object[]) CrossTenantSql.query(em, """
                select count(*), count(*) filter (where status = 'PROCESSED') from inbox_messages
                 where tenant_id = ?1 and source = ?2""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, source).getSingleResult();
        return new InboxCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
