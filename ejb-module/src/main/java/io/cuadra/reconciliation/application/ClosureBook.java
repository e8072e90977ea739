package io.cuadra.reconciliation.application;

import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.closure.ClosureDay;
import io.cuadra.reconciliation.domain.closure.ClosureDiscrepancy;
import io.cuadra.reconciliation.domain.closure.ClosureDocument;
import io.cuadra.reconciliation.domain.closure.ClosureOrder;
import io.cuadra.reconciliation.domain.closure.ClosureSummary;
import io.cuadra.reconciliation.domain.closure.ClosureTally;
import io.cuadra.reconciliation.domain.closure.Discrepancy;
import io.cuadra.reconciliation.domain.closure.DiscrepancyKey;
import io.cuadra.reconciliation.events.ReconciliationDiscrepancyFound;
import io.cuadra.reconciliation.infrastructure.DaySource;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where closure figures are kept: the closure row of a location's day (created on first need), the
 * partial tallies a job commits chunk by chunk, and the publishing of a computation (figures, method
 * totals, discrepancies found again by their natural key). No caller checks: the closure job and
 * {@link ClosureService} call it for the tenant in context.
 */
@Stateless
public class ClosureBook {

    private static final int PAGE = 5_000;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<ReconciliationDiscrepancyFound> discrepancyFound;

    @EJB
    DaySource source;

    /** The day to read: the closure of the location's day, opened now if this is its first computation. */
    public ClosureDay plan(long locationId, LocalDate businessDate) {
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new NotFound("No location " + locationId + ".").withKey("identity.location", locationId);
        }
        Closure closure = find(location, businessDate);
        if (closure == null) {
            closure = new Closure(location, businessDate, company().currency());
            em.persist(closure);
            em.flush();
        }
        return day(closure);
    }

    public Closure find(Location location, LocalDate businessDate) {
        return em.createQuery("select c from Closure c where c.location = :l and c.businessDate = :d", Closure.class)
                .setParameter("l", location).setParameter("d", businessDate).getResultStream().findFirst().orElse(null);
    }

    public static ClosureDay day(Closure c) {
        return new ClosureDay(c.getId(), c.getLocation().getId(), c.getLocation().getCode(), c.getBusinessDate(),
                c.getLocation().zone(), java.util.Currency.getInstance(c.getCurrency()), c.getStatus());
    }

    /**
     * Reads the whole day now, in this transaction, with the same pages the closure job reads in
     * chunks: what closing a day computes its final figures with.
     */
    public ClosureSummary computeNow(ClosureDay day) {
        long tenant = TenantContext.require().tenantId();
        ClosureTally tally = new ClosureTally(day.scope());
        DaySource.Position after = DaySource.Position.START;
        for (DaySource.Page<ClosureOrder> page = source.orders(tenant, day, after, PAGE); !page.items().isEmpty();
             page = source.orders(tenant, day, page.last(), PAGE)) {
            page.items().forEach(tally::add);
        }
        for (DaySource.Page<ClosureOrder> page = source.movedOrders(tenant, day, after, PAGE); !page.items().isEmpty();
             page = source.movedOrders(tenant, day, page.last(), PAGE)) {
            page.items().forEach(tally::add);
        }
        for (DaySource.Page<ClosureDocument> page = source.documents(tenant, day, after, PAGE); !page.items().isEmpty();
             page = source.documents(tenant, day, page.last(), PAGE)) {
            page.items().forEach(tally::add);
        }
        return tally.summary();
    }

    /** Keeps the partial tally of one committed chunk of a closure job run (the run key survives restarts). */
    public void savePartial(long closureId, String runKey, byte[] tally) {
        CrossTenantSql.query(em, "insert into closure_partials (tenant_id, closure_id, run_key, tally) "
                        + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, closureId)
                .setParameter(3, runKey).setParameter(4, tally).executeUpdate();
    }

    /**
     * Ends a job's reading of a day: merges the partial tallies its chunks committed with the last
     * chunk's, and publishes the figures, in the last chunk's transaction. A day closed meanwhile is
     * not touched. Answers whether the figures were published.
     */
    public boolean publish(long closureId, String runKey, ClosureTally last) {
        Closure closure = em.find(Closure.class, closureId, LockModeType.PESSIMISTIC_WRITE);
        if (closure.getStatus().isFrozen()) {
            forget(closureId, runKey);
            return false;
        }
        ClosureTally day = new ClosureTally(closure.scope());
        for (Object bytes : CrossTenantSql.query(em, "select tally from closure_partials where tenant_id = ?1 "
                        + "and run_key = ?2 and closure_id = ?3 order by id")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, runKey)
                .setParameter(3, closureId).getResultList()) {
            day.absorb(ClosureTally.Snapshot.fromBytes((byte[]) bytes));
        }
        day.merge(last);
        recompute(closure, day.summary());
        forget(closureId, runKey);
        return true;
    }

    /** Drops the partial tallies of a job run for a closure (published, or the day was closed). */
    public void forget(long closureId, String runKey) {
        CrossTenantSql.query(em, "delete from closure_partials where tenant_id = ?1 and run_key = ?2 "
                        + "and closure_id = ?3")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, runKey)
                .setParameter(3, closureId).executeUpdate();
    }

    /** New figures for a day that is not closed. */
    public void recompute(Closure closure, ClosureSummary summary) {
        Instant at = now();
        closure.recompute(summary, TenantContext.actorName(), at);
        syncDiscrepancies(closure, summary, at);
    }

    /**
     * Brings the stored discrepancies in line with a computation: found again → updated, new →
     * added, no longer found → cleared. Those newly open are announced after commit.
     */
    public void syncDiscrepancies(Closure closure, ClosureSummary summary, Instant at) {
        Map<DiscrepancyKey, ClosureDiscrepancy> stored = new HashMap<>();
        em.createQuery("select d from ClosureDiscrepancy d where d.closure = :c", ClosureDiscrepancy.class)
                .setParameter("c", closure).getResultList().forEach(d -> stored.put(d.key(), d));
        List<ClosureDiscrepancy> announce = new ArrayList<>();
        for (Discrepancy found : summary.discrepancies()) {
            ClosureDiscrepancy d = stored.remove(found.key());
            if (d == null) {
                d = new ClosureDiscrepancy(closure, found, at);
                em.persist(d);
                announce.add(d);
            } else if (d.seen(found, at)) {
                announce.add(d);
            }
        }
        stored.values().forEach(ClosureDiscrepancy::clear);
        em.flush();
        long tenant = TenantContext.require().tenantId();
        for (ClosureDiscrepancy d : announce) {
            discrepancyFound.fire(new ReconciliationDiscrepancyFound(tenant, closure.getId(),
                    closure.getLocation().getId(), closure.getLocation().getCode(), closure.getBusinessDate(),
                    d.getId(), d.getType().name(), d.getOrderId(), d.getOrderNumber(), d.getExpectedAmount(),
                    d.getActualAmount(), d.getDescription()));
        }
    }

    private Company company() {
        return em.createQuery("select c from Company c", Company.class).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("The company settings are missing.").withKey("identity.companySettingsMissing"));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
