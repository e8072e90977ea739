package io.cuadra.audit.application;

import io.cuadra.audit.domain.AuditChainCheck;
import io.cuadra.audit.domain.AuditEntry;
import io.cuadra.shared.domain.Page;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Browsing the tenant's audit log and checking that its hash chain still holds. */
@Stateless
public class AuditLogService {

    private static final int VERIFY_BATCH = 2_000;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Page<AuditEntry> browse(Long userId, String entityType, String entityId, String action, Instant from,
                                   Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (userId != null) {
            where.append(" and a.userId = :user");
            params.put("user", userId);
        }
        if (entityType != null && !entityType.isBlank()) {
            where.append(" and a.entityType = :type");
            params.put("type", entityType);
        }
        if (entityId != null && !entityId.isBlank()) {
            where.append(" and a.entityId = :eid");
            params.put("eid", entityId);
        }
        if (action != null && !action.isBlank()) {
            where.append(" and a.action like :action");
            params.put("action", action.endsWith("*") ? action.substring(0, action.length() - 1) + "%" : action);
        }
        if (from != null) {
            where.append(" and a.at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and a.at < :to");
            params.put("to", to);
        }
        TypedQuery<AuditEntry> q = em.createQuery("select a from AuditEntry a" + where + " order by a.id desc",
                AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    /** Lines written but not sealed into the chain yet (the sealer catches up within seconds). */
    public Unsealed unsealed() {
        long count = em.createQuery("select count(a) from AuditEntry a where a.seq is null", Long.class)
                .getSingleResult();
        Instant oldest = count == 0 ? null : em.createQuery("select a from AuditEntry a where a.seq is null "
                + "order by a.id", AuditEntry.class).setMaxResults(1).getResultList().stream().findFirst()
                .map(AuditEntry::getAt).orElse(null);
        return new Unsealed(count, oldest);
    }

    public record Unsealed(long count, Instant oldestAt) {
    }

    /** The sealed chain checked and the lines still unsealed, read by one call in one transaction. */
    public record ChainState(AuditChainCheck check, Unsealed unsealed) {
    }

    public ChainState chainState() {
        return new ChainState(verify(), unsealed());
    }

    /**
     * Walks the whole sealed chain in sequence order, in batches, and names the first line that does not hold.
     * Unsealed lines are not part of it yet ({@link #unsealed()}).
     */
    public AuditChainCheck verify() {
        AuditChainCheck check = new AuditChainCheck();
        long after = 0;
        while (true) {
            var batch = em.createQuery("select a from AuditEntry a where a.seq > :after order by a.seq",
                    AuditEntry.class).setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEntry e : batch) {
                if (!check.accept(e.record())) {
                    return check;
                }
                after = e.getSeq();
            }
            if (batch.size() < VERIFY_BATCH) {
                return check;
            }
            em.clear();
        }
    }
}
