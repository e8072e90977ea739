package io.cuadra.reconciliation.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderChanged;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.reconciliation.domain.Closure;
import io.cuadra.reconciliation.domain.ClosureDay;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps closed days closed: an order or payment may not change on a closed day of its location, nor
 * be dated into one. Runs inside the changing transaction (a refusal rolls it back with a 409). The
 * closure rows it checks are locked FOR KEY SHARE until that transaction ends, so a supervisor
 * closing the day (FOR UPDATE) waits for changes already under way and then sees them.
 */
@Stateless
public class ClosedDays {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The orders component fires this before every change of an order or its payments. */
    public void refuseChangesToClosedDays(@Observes OrderChanged change) {
        OrderSnapshot order = change.order();
        Location location = em.find(Location.class, order.locationId());
        if (location == null) {
            return;
        }
        ZoneId zone = location.zone();
        Set<LocalDate> days = new TreeSet<>();
        days.add(ClosureDay.dayOf(Instant.now(), zone));
        if (order.registeredAt() != null) {
            days.add(ClosureDay.dayOf(order.registeredAt(), zone));
        }
        if (order.paidAt() != null) {
            days.add(ClosureDay.dayOf(order.paidAt(), zone));
        }
        order.payments().stream().filter(p -> p.paidAt() != null)
                .forEach(p -> days.add(ClosureDay.dayOf(p.paidAt(), zone)));
        requireOpen(location, days, "order " + order.number() + " (" + change.change().toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * Refuses when any of the days is closed at the location. For other components whose records
     * belong to a location's day (billing documents).
     */
    public void requireOpen(Location location, Collection<LocalDate> days, String what) {
        List<LocalDate> list = List.copyOf(days);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 3);
        }
        Query q = CrossTenantSql.query(em, "select c.id, c.status from daily_closures c where c.tenant_id = ?1 "
                        + "and c.location_id = ?2 and c.business_date in (" + in + ") order by c.id for key share of c")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, location.getId())
                // Reading closure rows needs none of the caller's pending changes: do not flush them early.
                .setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < list.size(); i++) {
            q.setParameter(i + 3, Date.valueOf(list.get(i)));
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            if ("CLOSED".equals(r[1])) {
                Closure closed = em.find(Closure.class, ((Number) r[0]).longValue());
                list.forEach(day -> closed.requireAcceptsChanges(day, what));
            }
        }
    }
}
