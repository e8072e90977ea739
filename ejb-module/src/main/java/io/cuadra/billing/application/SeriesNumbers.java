package io.cuadra.billing.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Takes the next number of a series in the caller's (issuing) transaction. One statement creates the
 * counter row on first use or increments it: the row stays locked until the transaction ends, so
 * concurrent issues in one series queue, and a rollback gives the number back — no gaps, no repeats.
 */
@Stateless
public class SeriesNumbers {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public long next(long locationId, String series) {
        Object value = CrossTenantSql.query(em, """
                insert into billing_series_counters (id, tenant_id, location_id, series, next_number, created_by,
                                                     updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, 2, ?4, ?4)
                on conflict (tenant_id, location_id, series) do update
                   set next_number = billing_series_counters.next_number + 1, updated_at = now(),
                       updated_by = excluded.updated_by, version = billing_series_counters.version + 1
                returning next_number - 1""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, locationId)
                .setParameter(3, series)
                .setParameter(4, TenantContext.actorName())
                .getSingleResult();
        return ((Number) value).longValue();
    }
}
