package io.cuadra.shared.cluster;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.persistence.EntityManager;

/**
 * Work that every server does at start (first-run data, the operator's setup link) but that must not run twice at
 * the same moment: two instances booting together on an empty database both inserted the demo tenant and one EAR
 * failed to load. A transaction-scoped PostgreSQL advisory lock makes the second wait until the first commits; it
 * then finds the work done.
 */
public final class ClusterLocks {

    private ClusterLocks() {
    }

    /** Holds {@code name}'s lock until the caller's transaction ends (call it first in that transaction). */
    public static void serialize(EntityManager em, String name) {
        CrossTenantSql.query(em, "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, name).getSingleResult();
    }
}
