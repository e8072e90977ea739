package io.cuadra.shared.outbox;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The worker's side of the outbox table, each step its own short transaction so no lock is held while a
 * handler talks to the outside world. A claimed message is IN_FLIGHT with a lease: if the server dies
 * before the outcome is recorded, it takes its claims back when it starts again, and otherwise (it never
 * comes back) the lease runs out and another server's claim picks the message up.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /**
     * Claims up to {@code limit} due messages of any tenant for {@code claimant} (this server); rows another
     * worker holds are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> claim(int limit, int leaseSeconds, String claimant) {
        List<Object[]> rows = CrossTenantSql.query(em, """
                select id, tenant_id, topic, aggregate_id, attempts from outbox_messages
                 where (status = 'PENDING' and next_attempt_at <= now())
                    or (status = 'IN_FLIGHT' and locked_until < now())
                 order by next_attempt_at, id
                 limit ?1
                 for update skip locked""").setParameter(1, limit).getResultList();
        if (!rows.isEmpty()) {
            // One statement for the whole batch: a claim per row cost a round trip per message.
            String ids = rows.stream().map(r -> String.valueOf(((Number) r[0]).longValue()))
                    .collect(java.util.stream.Collectors.joining(","));
            CrossTenantSql.query(em, """
                    update outbox_messages set status = 'IN_FLIGHT', attempts = attempts + 1,
                           locked_until = now() + make_interval(secs => ?2), claimed_by = ?3, updated_at = now(),
                           updated_by = 'system:outbox', version = version + 1
                     where id = any(cast(string_to_array(?1, ',') as bigint[]))""").setParameter(1, ids)
                    .setParameter(2, leaseSeconds).setParameter(3, claimant).executeUpdate();
        }
        return rows.stream().map(r -> new OutboxMessage(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).intValue() + 1)).toList();
    }

    /**
     * Makes the messages {@code claimant} holds due again: called as that server starts, when whatever it
     * claimed before is a leftover of its previous life (it crashed before recording the outcome).
     */
    public int takeBack(String claimant) {
        return CrossTenantSql.query(em, """
                update outbox_messages set status = 'PENDING', next_attempt_at = now(), locked_until = null,
                       claimed_by = null, updated_at = now(), updated_by = 'system:outbox', version = version + 1
                 where status = 'IN_FLIGHT' and claimed_by = ?1""").setParameter(1, claimant).executeUpdate();
    }

    /** Records a whole batch's successes in one statement (a transaction per message cost a round trip each). */
    public void doneAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        CrossTenantSql.query(em, """
                update outbox_messages set status = 'DONE', processed_at = now(), locked_until = null, claimed_by = null,
                       last_error = null, updated_at = now(), updated_by = 'system:outbox', version = version + 1
                 where id = any(cast(string_to_array(?1, ',') as bigint[])) and status = 'IN_FLIGHT'""")
                .setParameter(1, ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .executeUpdate();
    }

    /** Makes the message due at {@code until} again, giving back the attempt its claim counted (none was made). */
    public void postpone(OutboxMessage message, Instant until, String reason) {
        CrossTenantSql.query(em, """
                update outbox_messages set status = 'PENDING', next_attempt_at = ?2, locked_until = null,
                       claimed_by = null, attempts = greatest(attempts - 1, 0), last_error = ?3, updated_at = now(),
                       updated_by = 'system:outbox', version = version + 1
                 where id = ?1 and status = 'IN_FLIGHT'""")
                .setParameter(1, message.id())
                .setParameter(2, Timestamp.from(until))
                .setParameter(3, reason == null ? "" : reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .executeUpdate();
    }

    /** Schedules the next attempt, or gives the message up when the backoff says so. */
    public void failed(OutboxMessage message, String error, OutboxBackoff backoff) {
        boolean giveUp = backoff.exhausted(message.attempt());
        Instant next = backoff.nextAttempt(Instant.now(), message.attempt());
        String text = error == null ? "" : error.length() > 2000 ? error.substring(0, 2000) : error;
        CrossTenantSql.query(em, """
                update outbox_messages set status = ?2, next_attempt_at = ?3, locked_until = null, claimed_by = null,
                       last_error = ?4,
                       updated_at = now(), updated_by = 'system:outbox', version = version + 1
                 where id = ?1 and status = 'IN_FLIGHT'""")
                .setParameter(1, message.id())
                .setParameter(2, giveUp ? "FAILED" : "PENDING")
                .setParameter(3, Timestamp.from(next))
                .setParameter(4, text)
                .executeUpdate();
    }
}
