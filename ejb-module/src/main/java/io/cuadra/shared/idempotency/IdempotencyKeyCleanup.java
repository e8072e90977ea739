package io.cuadra.shared.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Forgets idempotency keys once they are older than {@link #KEEP}, for every tenant. Runs every
 * minute: the statement is a range delete on an index, so it costs nothing when there is nothing to do.
 */
@Singleton
public class IdempotencyKeyCleanup {

    /** How long a retry still gets the original response. */
    public static final Duration KEEP = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void forgetExpiredKeys() {
        int deleted = io.cuadra.shared.infrastructure.CrossTenantSql.query(em,
                        "delete from idempotency_keys where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) KEEP.toSeconds()).executeUpdate();
        if (deleted > 0) {
            LOG.fine(() -> "Forgot " + deleted + " idempotency keys older than " + KEEP);
        }
    }
}
