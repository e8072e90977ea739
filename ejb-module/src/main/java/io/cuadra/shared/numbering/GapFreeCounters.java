package io.cuadra.shared.numbering;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The next number of a counter of the caller's tenant, taken in the caller's transaction.
 *
 * <p>One insert-or-increment statement: the first number creates the row, every later one increments it,
 * and the row stays locked until the transaction ends. Concurrent users of one counter queue on the row,
 * and a transaction that rolls back gives its number back — a database sequence would leave a gap. Two
 * first numbers racing meet on the primary key and the second increments what the first inserted, with no
 * window in which both find no row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GapFreeCounters {

    private static final String NEXT = """
            insert into numbering_counters (tenant_id, counter, scope, last_number, created_by, updated_by)
            values (?1, ?2, ?3, 1, ?4, ?4)
            on conflict (tenant_id, counter, scope) do update
               set last_number = numbering_counters.last_number + 1, updated_at = now(),
                   updated_by = excluded.updated_by, version = numbering_counters.version + 1
            returning last_number""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /**
     * @param counter what is numbered ({@link Counter})
     * @param scope   the counter's partition within the tenant (a location and year, a series…), as
     *                {@link Counter#scope(Object...)} writes it
     */
    public long next(Counter counter, String scope) {
        Number last = (Number) CrossTenantSql.query(em, NEXT)
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, counter.name())
                .setParameter(3, scope)
                .setParameter(4, TenantContext.actorName())
                .getSingleResult();
        return last.longValue();
    }
}
