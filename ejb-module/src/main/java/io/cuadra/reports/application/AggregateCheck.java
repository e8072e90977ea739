package io.cuadra.reports.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.reports.infrastructure.AggregateSql;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares every aggregate row of the caller's tenant with the same figure recomputed from the raw orders,
 * lines, payments, refunds and returns, and rebuilds them from that recomputation (after a bulk load).
 */
@Stateless
public class AggregateCheck {

    /** At most this many differing rows are reported; the count is always complete. */
    public static final int SAMPLE = 50;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    /**
     * @param side      "stored" (in the aggregate, not in the recomputation) or "recomputed" (the other way)
     * @param row       the row's key and figures as JSON
     */
    public record Difference(String aggregate, String side, String row) {
    }

    public record Verification(long rowsChecked, long differences, List<Difference> sample) {
    }

    /** @param locationId one location's rows (a location the caller works at), or null for every location */
    public Verification verify(Long locationId) {
        if (locationId != null) {
            locations.find(locationId); // 404 outside the caller's locations
        } else if (!CurrentCaller.require().allLocations()) {
            throw new RuleViolation("location: name one of your locations.").withKey("reports.location");
        }
        long tenant = TenantContext.require().tenantId();
        String at = locationId == null ? "" : " and location_id = " + locationId;
        long checked = 0;
        long count = 0;
        List<Difference> sample = new ArrayList<>();
        for (AggregateSql.Table t : AggregateSql.ALL) {
            checked += ((Number) CrossTenantSql.query(em, "select count(*) from " + t.name() + " where tenant_id = ?1" + at)
                    .setParameter(1, tenant).getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = CrossTenantSql.query(em, t.differences(locationId)).setParameter(1, tenant).getResultList();
            count += rows.size();
            rows.stream().limit(Math.max(0, SAMPLE - sample.size()))
                    .forEach(r -> sample.add(new Difference((String) r[0], (String) r[1], (String) r[2])));
        }
        return new Verification(checked, count, sample);
    }

    /**
     * Replaces the tenant's aggregates by the recomputation, in one transaction. Meant for loaders (demo
     * history, a bulk import of old sales) that write orders without going through the orders component.
     */
    public void rebuild() {
        long tenant = TenantContext.require().tenantId();
        for (AggregateSql.Table t : AggregateSql.ALL) {
            CrossTenantSql.query(em, t.delete()).setParameter(1, tenant).executeUpdate();
            CrossTenantSql.query(em, t.rebuild()).setParameter(1, tenant).executeUpdate();
        }
    }
}
