package io.cuadra.shopify.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pull's row per tenant, each step its own short transaction: a lease so one server pulls a shop at a
 * time (a server that dies mid-pull lets the lease run out), the cursor saved after every page.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ShopifySyncState {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** What the last pull did, for the settings page and the API. */
    public record View(Instant ordersCursor, Instant lastRunAt, String lastResult, int lastOrders,
                       int lastCustomers, int throttledWaits, boolean running) implements java.io.Serializable {
    }

    /** A lease, or nothing when another run holds the tenant's pull. The cursor comes with it. */
    public record Lease(Instant cursor) {
    }

    public Optional<Lease> claim(int leaseSeconds) {
        long tenant = TenantContext.require().tenantId();
        CrossTenantSql.query(em, """
                insert into shopify_sync_state (tenant_id, created_by, updated_by) values (?1, 'system:shopify',
                'system:shopify') on conflict (tenant_id) do nothing""").setParameter(1, tenant).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> rows = CrossTenantSql.query(em, """
                update shopify_sync_state set running_until = now() + make_interval(secs => ?2), updated_at = now(),
                       version = version + 1
                 where tenant_id = ?1 and (running_until is null or running_until < now())
                returning coalesce(orders_cursor, 'epoch'::timestamptz)""")
                .setParameter(1, tenant).setParameter(2, leaseSeconds).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Instant cursor = ((Timestamp) rows.get(0)).toInstant();
        return Optional.of(new Lease(cursor.equals(Instant.EPOCH) ? null : cursor));
    }

    public void advance(Instant cursor) {
        CrossTenantSql.query(em, """
                update shopify_sync_state set orders_cursor = greatest(coalesce(orders_cursor, ?2), ?2),
                       updated_at = now(), version = version + 1 where tenant_id = ?1""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, Timestamp.from(cursor))
                .executeUpdate();
    }

    public void finish(String result, int orders, int customers, int throttledWaits) {
        CrossTenantSql.query(em, """
                update shopify_sync_state set running_until = null, last_run_at = now(), last_result = ?2,
                       last_orders = ?3, last_customers = ?4, throttled_waits = ?5, updated_at = now(),
                       version = version + 1 where tenant_id = ?1""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, result.length() > 1000 ? result.substring(0, 1000) : result)
                .setParameter(3, orders).setParameter(4, customers).setParameter(5, throttledWaits).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<View> view() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select orders_cursor, last_run_at, last_result, last_orders, last_customers, throttled_waits,
                       running_until is not null and running_until > now()
                  from shopify_sync_state where tenant_id = ?1""")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        return rows.stream().findFirst().map(r -> new View(instant(r[0]), instant(r[1]), (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (Boolean) r[6]));
    }

    /** Tenants whose shop is pulled on schedule. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> pulledTenants() {
        @SuppressWarnings("unchecked")
        List<Number> ids = CrossTenantSql.query(em,
                "select tenant_id from shopify_settings where pull_enabled order by tenant_id").getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static Instant instant(Object o) {
        return o == null ? null : ((Timestamp) o).toInstant();
    }
}
