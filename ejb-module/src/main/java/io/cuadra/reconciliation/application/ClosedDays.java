package io.cuadra.reconciliation.application;

import io.cuadra.billing.events.DocumentDated;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderChanged;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.closure.ClosureDay;
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
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Keeps closed days closed. A closed day locks the money and documents that moved in it, not the work
 * on its orders: a status move or a discount before any payment changes no day's money and always goes
 * on; registering, taking a payment or cancelling (its refunds) is recorded in today's day at the
 * location, and is refused while that day is closed. Nothing is ever dated into an earlier day (every
 * movement is stamped "now"), so a closed day's figures cannot change. Runs inside the changing
 * transaction (a refusal rolls it back with a 409). The closure rows it checks are locked FOR KEY
 * SHARE until that transaction ends, so a supervisor closing the day (FOR UPDATE) waits for changes
 * already under way and then sees them.
 */
@Stateless
public class ClosedDays {

    /** The changes that record something in today's day: activity or money. */
    private static final Set<String> RECORDED_TODAY = Set.of("REGISTER", "PAYMENT", "CANCEL", "RETURN");

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The orders component fires this before every change of an order or its payments. */
    public void refuseChangesToClosedDays(@Observes OrderChanged change) {
        if (!RECORDED_TODAY.contains(change.change())) {
            return;
        }
        OrderSnapshot order = change.order();
        Location location = em.find(Location.class, order.locationId());
        if (location == null) {
            return;
        }
        String what = switch (change.change()) {
            case "PAYMENT" -> "a payment of order " + order.number();
            case "CANCEL" -> "the cancellation of order " + order.number() + " (and its refunds)";
            case "RETURN" -> "a return of order " + order.number() + " (its refund and credit note)";
            default -> "order " + order.number();
        };
        requireOpen(location, List.of(ClosureDay.dayOf(Instant.now(), location.zone())), what);
    }

    /** Billing fires this before it stores a document: none is added to a day already closed. */
    public void refuseDocumentsInClosedDays(@Observes DocumentDated document) {
        Location location = em.find(Location.class, document.locationId());
        if (location == null) {
            return;
        }
        requireOpen(location, List.of(ClosureDay.dayOf(document.at(), location.zone())), document.what());
    }

    /** Refuses when any of the days is closed at the location. */
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
