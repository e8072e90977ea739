package io.cuadra.shared.cluster;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.outbox.OutboxWorker;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Claims scheduled work for this server so that, of all the servers sharing the database, exactly one does it.
 * Every server's timer fires; each asks {@link #claim}; the insert of the run's row commits for one of them and
 * finds the primary key taken for the others. The claim commits on its own (before the work), so a server that
 * dies in the middle does not hand the run to another: work claimed this way must be safe to leave half done or
 * be carried by something that resumes (the closure is a batch job with checkpoints; cleanups run again next slot).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OnceOnly {

    /** Claims are kept this long (the record of who ran what), then forgotten by the cleanup. */
    public static final Duration KEEP = Duration.ofDays(30);

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "cuadra.server.id")
    Optional<String> configuredServerId;

    private String serverId;

    @PostConstruct
    void init() {
        serverId = configuredServerId.filter(id -> !id.isBlank()).orElseGet(OutboxWorker::defaultServerId);
    }

    /**
     * Whether this server is the one to run {@code task} for {@code slot} (true for exactly one server). The tenant is
     * cast: EclipseLink binds a null parameter as varchar, which PostgreSQL refuses for a bigint column.
     */
    public boolean claim(String task, String slot, Long tenantId) {
        return CrossTenantSql.query(em, "insert into scheduled_runs (task, slot, tenant_id, claimed_by) "
                        + "values (?1, ?2, cast(?3 as bigint), ?4) on conflict do nothing")
                .setParameter(1, task).setParameter(2, slot).setParameter(3, tenantId).setParameter(4, serverId)
                .executeUpdate() == 1;
    }

    /** Forgets claims older than {@link #KEEP}. */
    public int forgetOld() {
        return CrossTenantSql.query(em, "delete from scheduled_runs where claimed_at < now() - make_interval(days => ?1)")
                .setParameter(1, (int) KEEP.toDays()).executeUpdate();
    }

    public String serverId() {
        return serverId;
    }
}
