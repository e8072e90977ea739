package io.cuadra.orders.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.orders.domain.OrderNumber;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Gap-free order numbers from one counter row per (location, year). The increment is an
 * {@code UPDATE} of that row, so the row stays locked until the registering transaction ends: the
 * next registration at the location waits, and if this one rolls back its number is given back
 * (a database sequence would leave a gap). The first order of a year creates the row; two of them
 * racing meet on its primary key and the second one increments what the first inserted.
 */
@Stateless
public class OrderNumbering {

    /**
     * Insert-or-increment in one statement: same row lock as SELECT ... FOR UPDATE followed by an
     * UPDATE, without the window in which two transactions both find no row yet.
     */
    private static final String NEXT = """
            insert into order_counters (tenant_id, location_id, year, last_number, created_by, updated_by)
            values (?1, ?2, ?3, 1, ?4, ?4)
            on conflict (tenant_id, location_id, year) do update
               set last_number = order_counters.last_number + 1, updated_at = now(),
                   updated_by = excluded.updated_by, version = order_counters.version + 1
            returning last_number""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The next number at the location for the year of {@code at} in the location's zone. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OrderNumber next(Location location, Instant at) {
        int year = at.atZone(location.zone()).getYear();
        Number last = (Number) CrossTenantSql.query(em, NEXT)
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, location.getId())
                .setParameter(3, year)
                .setParameter(4, TenantContext.actorName())
                .getSingleResult();
        return new OrderNumber(location.getCode(), year, last.longValue());
    }
}
