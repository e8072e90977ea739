package io.cuadra.reconciliation.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.cash.CashCountLine;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.closure.ClosureDay;
import io.cuadra.reconciliation.domain.closure.ClosureDiscrepancy;
import io.cuadra.reconciliation.domain.closure.ClosureReport;
import io.cuadra.reconciliation.domain.closure.ClosureStatus;
import io.cuadra.reconciliation.domain.closure.ClosureSummary;
import io.cuadra.reconciliation.domain.cash.DenominationCatalog;
import io.cuadra.reconciliation.domain.cash.DenominationSet;
import io.cuadra.reconciliation.domain.closure.DiscrepancyType;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.reconciliation.domain.ReconciliationSettings;
import io.cuadra.reconciliation.domain.ReconciliationRuleException;
import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The closures of the caller's locations: running their computation, counting the cash, closing
 * and reopening, discrepancies and their resolution, the report. A location the caller does not
 * work at answers 404, like one that does not exist.
 */
@Stateless
public class ClosureService {

    private static final DenominationCatalog DENOMINATIONS = DenominationCatalog.defaults();

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @EJB
    ClosureBook book;

    @EJB
    ReconciliationJobs jobs;

    /**
     * Starts the closure job for one location's day, or for every location the caller works at.
     * {@code failAfterItems} (rehearsing a restart) needs the approve permission.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReconciliationJobRun run(Long locationId, LocalDate businessDate, Integer itemCount, Integer failAfterItems) {
        if (businessDate == null) {
            throw new RuleViolation("businessDate: say which day to close.").withKey("reconciliation.sayWhichDay");
        }
        if (failAfterItems != null && !CurrentCaller.require().can(Module.RECONCILIATION, Action.APPROVE)) {
            throw new AccessDenied("Injecting a failure needs the permission reconciliation:approve.").withKey("reconciliation.injectingFailureNeeds");
        }
        List<Long> ids = locationId != null ? List.of(locations.find(locationId).getId())
                : locations.listVisible().stream().filter(Location::isActive).map(Location::getId).toList();
        return jobs.startClosure(ids, businessDate, itemCount, failAfterItems, ReconciliationJobRun.Trigger.MANUAL);
    }

    public Page<Closure> list(Long locationId, LocalDate from, LocalDate to, ClosureStatus status, int page, int size) {
        QueryFilter f = new QueryFilter()
                .and("c.location.id = :location", "location", locationId == null ? null : locations.find(locationId).getId())
                .and("c.location.id in :visible", "visible", visibleIds())
                .and("c.businessDate >= :from", "from", from).and("c.businessDate <= :to", "to", to)
                .and("c.status = :status", "status", status);
        List<Closure> items = f.query(em, "select c from Closure c", "c.businessDate desc, c.location.code",
                Closure.class).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, f.count(em, "select count(c) from Closure c"), page, size);
    }

    public Closure get(long id) {
        Closure c = em.find(Closure.class, id);
        return visible(c, id);
    }

    public Closure forDay(long locationId, LocalDate businessDate) {
        Closure c = book.find(locations.find(locationId), businessDate);
        if (c == null) {
            throw new NotFound("The day " + businessDate + " has no closure yet; run it first.").withKey("reconciliation.dayClosureYet", businessDate);
        }
        return c;
    }

    public DenominationSet denominations(String currency) {
        try {
            return DENOMINATIONS.forCurrency(Currency.getInstance(currency));
        } catch (ReconciliationRuleException e) {
            throw new NotFound(e.getMessage()).withKey("reconciliation.noDenominations", currency);
        }
    }

    /** Records the drawer count by denomination; the difference from the expected cash is kept, over or short. */
    public CashCount countCash(long id, long expectedVersion, List<CashCountLine> lines) {
        Closure c = locked(id);
        Versions.expect(expectedVersion, c.getVersion(), "The closure of " + c.scope());
        CashCount count;
        try {
            count = CashCount.of(denominations(c.getCurrency()), lines);
        } catch (ReconciliationRuleException e) {
            throw new RuleViolation("lines: " + e.getMessage()).withKey("reconciliation.countInvalid");
        }
        c.recordCount(count, TenantContext.actorName(), ClosureBook.now());
        em.persist(count);
        em.flush();
        return count;
    }

    public Optional<CashCount> latestCount(long closureId) {
        return em.createQuery("select d from CashCount d where d.closure = :c order by d.countedAt desc, d.id desc",
                CashCount.class).setParameter("c", get(closureId)).setMaxResults(1).getResultStream().findFirst();
    }

    /** Closes the day with figures computed now, in this transaction; closing again after a reopening recomputes. */
    public Closure close(long id, long expectedVersion, String notes) {
        Closure c = locked(id);
        Versions.expect(expectedVersion, c.getVersion(), "The closure of " + c.scope());
        ClosureSummary fresh = book.computeNow(ClosureBook.day(c));
        Instant at = ClosureBook.now();
        c.close(fresh, TenantContext.actorName(), at, notes, settings().isCashCountRequired());
        book.syncDiscrepancies(c, fresh, at);
        em.flush();
        return c;
    }

    /** The tenant's reconciliation settings: the defaults (not stored, version 0) until first changed. */
    public ReconciliationSettings settings() {
        return em.createQuery("select s from ReconciliationSettings s", ReconciliationSettings.class).getResultStream()
                .findFirst().orElseGet(ReconciliationSettings::new);
    }

    public ReconciliationSettings updateSettings(long expectedVersion, boolean cashCountRequired) {
        ReconciliationSettings s = settings();
        Versions.expect(expectedVersion, s.getVersion(), "The reconciliation settings");
        s.requireCashCount(cashCountRequired);
        if (s.getId() == null) {
            em.persist(s);
        }
        em.flush();
        return s;
    }

    public Closure reopen(long id, long expectedVersion, String reason) {
        if (!CurrentCaller.require().can(Module.RECONCILIATION, Action.APPROVE)) {
            throw new AccessDenied("Reopening a day needs the permission reconciliation:approve.").withKey("reconciliation.reopeningDayNeeds");
        }
        Closure c = locked(id);
        Versions.expect(expectedVersion, c.getVersion(), "The closure of " + c.scope());
        c.reopen(TenantContext.actorName(), ClosureBook.now(), reason);
        em.flush();
        return c;
    }

    public List<ClosureDiscrepancy> discrepanciesOf(long closureId) {
        return em.createQuery("select d from ClosureDiscrepancy d where d.closure = :c order by d.type, d.subjectId",
                ClosureDiscrepancy.class).setParameter("c", get(closureId)).getResultList();
    }

    public Page<ClosureDiscrepancy> discrepancies(Long locationId, ClosureDiscrepancy.Status status,
                                                  DiscrepancyType type, LocalDate from, LocalDate to, int page,
                                                  int size) {
        QueryFilter f = new QueryFilter()
                .and("d.closure.location.id = :location", "location",
                        locationId == null ? null : locations.find(locationId).getId())
                .and("d.closure.location.id in :visible", "visible", visibleIds())
                .and("d.status = :status", "status", status).and("d.type = :type", "type", type)
                .and("d.closure.businessDate >= :from", "from", from).and("d.closure.businessDate <= :to", "to", to);
        List<ClosureDiscrepancy> items = f.query(em, "select d from ClosureDiscrepancy d",
                        "d.closure.businessDate desc, d.type, d.subjectId", ClosureDiscrepancy.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, f.count(em, "select count(d) from ClosureDiscrepancy d"), page, size);
    }

    public ClosureDiscrepancy discrepancy(long id) {
        ClosureDiscrepancy d = em.find(ClosureDiscrepancy.class, id);
        if (d == null || !CurrentCaller.require().worksAt(d.getClosure().getLocation().getId())) {
            throw new NotFound("No discrepancy " + id + ".").withKey("reconciliation.discrepancy", id);
        }
        return d;
    }

    public ClosureDiscrepancy resolve(long id, long expectedVersion, String notes) {
        ClosureDiscrepancy d = discrepancy(id);
        Versions.expect(expectedVersion, d.getVersion(), "Discrepancy " + id);
        d.resolve(notes, TenantContext.actorName(), ClosureBook.now());
        em.flush();
        return d;
    }

    /**
     * Today's figures of every active location the caller works at, each in its own calendar: read
     * only, as the closure job reads a day, without opening a closure for it (the home page).
     */
    public List<DayFigures> today() {
        Instant now = ClosureBook.now();
        Currency currency = em.createQuery("select c from Company c", Company.class).getResultStream().findFirst()
                .map(Company::currency).orElseThrow(() -> new NotFound("The company settings are missing.").withKey("identity.companySettingsMissing"));
        return locations.listVisible().stream().filter(Location::isActive).map(l -> {
            LocalDate day = ClosureDay.dayOf(now, l.zone());
            Closure existing = book.find(l, day);
            ClosureDay read = new ClosureDay(existing == null ? 0L : existing.getId(), l.getId(), l.getCode(), day,
                    l.zone(), currency, existing == null ? ClosureStatus.OPEN : existing.getStatus());
            ClosureSummary s = book.computeNow(read);
            return new DayFigures(l.getId(), l.getCode(), l.getName(), day, currency.getCurrencyCode(),
                    s.orderCount(), s.registeredTotal().amount(), s.expectedCash().amount(),
                    read.status() == ClosureStatus.CLOSED);
        }).toList();
    }

    /** Open discrepancies per location the caller works at, for the dashboard. */
    public List<OpenDiscrepancies> openByLocation() {
        QueryFilter f = new QueryFilter().and("d.status = :open", "open", ClosureDiscrepancy.Status.OPEN)
                .and("l.id in :visible", "visible", visibleIds());
        return f.grouped(em, "select new io.cuadra.reconciliation.application.OpenDiscrepancies(l.id, l.code, l.name, "
                        + "count(d), min(c.businessDate)) from ClosureDiscrepancy d join d.closure c join c.location l",
                "l.id, l.code, l.name", OpenDiscrepancies.class).getResultList().stream()
                .sorted(java.util.Comparator.comparing(OpenDiscrepancies::locationCode)).toList();
    }

    public ClosureReport report(long id) {
        Closure c = get(id);
        Company company = em.createQuery("select c from Company c", Company.class).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("The company settings are missing.").withKey("identity.companySettingsMissing"));
        Optional<CashCount> count = latestCount(id);
        Location l = c.getLocation();
        // The tax id under its country's name for it (RUC, RUT, RFC, SIRET), not always Peru's.
        String taxId = io.cuadra.shared.country.CountryPacks.find(company.getCountry())
                .map(p -> p.companyTaxIdTypes().get(0) + " ").orElse("") + company.getTaxId();
        return new ClosureReport(company.getLegalName(), taxId, l.getCode(), l.getName(),
                c.getBusinessDate(), l.getTimeZone(), c.getCurrency(), c.getStatus(), c.getComputedAt(),
                c.getOrderCount(), c.getCancelledOrderCount(), c.getInvoiceCount(), c.getCreditNoteCount(),
                c.getInvoicedTotal(), c.getCreditedTotal(), c.getRegisteredTotal(), c.getExpectedTotal(),
                c.getExpectedCash(), c.getCountedCash(), c.getCashDifference(),
                count.map(CashCount::getCountedBy).orElse(null), count.map(CashCount::getCountedAt).orElse(null),
                c.getMethods().stream().map(m -> new ClosureReport.Method(m.getKind().name(), m.getMethodCode(),
                        m.getExpected(), m.getPaymentCount())).toList(),
                count.map(d -> d.getLines().stream().map(x -> new ClosureReport.CountLine(x.getForm().name(),
                        x.getFaceValue(), x.getPieces(), x.getSubtotal())).toList()).orElse(List.of()),
                discrepanciesOf(id).stream().map(d -> new ClosureReport.Finding(d.getType().name(), d.getStatus().name(),
                        d.getOrderNumber(), d.getDocumentNumbers(), d.getExpectedAmount(), d.getActualAmount(),
                        d.getDifference(), d.getDescription(), d.getResolutionNotes())).toList(),
                c.getTransitions().stream().map(t -> new ClosureReport.Transition(t.getFromStatus().name(),
                        t.getToStatus().name(), t.getActor(), t.getAt(), t.getNote())).toList(),
                c.getNotes());
    }

    private Closure locked(long id) {
        return visible(em.find(Closure.class, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private static Closure visible(Closure c, long id) {
        if (c == null || !CurrentCaller.require().worksAt(c.getLocation().getId())) {
            throw new NotFound("No closure " + id + ".").withKey("reconciliation.closure", id);
        }
        return c;
    }

    /** Null when the caller works everywhere (no restriction), else the ids of their locations. */
    private static Set<Long> visibleIds() {
        Caller caller = CurrentCaller.require();
        if (caller.allLocations()) {
            return null;
        }
        return caller.locationIds().isEmpty() ? Set.of(-1L) : caller.locationIds().stream().collect(Collectors.toSet());
    }
}
