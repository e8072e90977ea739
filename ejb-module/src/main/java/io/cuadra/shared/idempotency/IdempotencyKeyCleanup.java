package io.cuadra.shared.idempotency;

import io.cuadra.shared.cluster.OnceOnly;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Forgets idempotency keys once they are older than {@link #KEEP}, for every tenant. Runs every
 * minute: the statement is a range delete on an index, so it costs nothing when there is nothing to do. Of several
 * servers one does each minute's round ({@link OnceOnly}); it also forgets old claims of scheduled work.
 */
@Singleton
public class IdempotencyKeyCleanup {

    /** How long a retry still gets the original response. */
    public static final Duration KEEP = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanup.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    OnceOnly once;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void forgetExpiredKeys() {
        // Claimed only when there is something to forget: a quiet minute writes nothing.
        if (CrossTenantSql.query(em, "select 1 from idempotency_keys where created_at < now() - make_interval(secs => ?1) "
                + "limit 1").setParameter(1, (double) KEEP.toSeconds()).getResultList().isEmpty()
                || !once.claim("idempotency-key-cleanup", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString(), null)) {
            return; // nothing expired, or another server has this minute
        }
        once.forgetOld();
        int deleted = CrossTenantSql.query(em,
                        "delete from idempotency_keys where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) KEEP.toSeconds()).executeUpdate();
        if (deleted > 0) {
            LOG.fine(() -> "Forgot " + deleted + " idempotency keys older than " + KEEP);
        }
    }
}
