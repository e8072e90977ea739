package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.cluster.OnceOnly;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the daily closure at {@code cuadra.reconciliation.closure.time} (23:59 by default) local
 * time of every active location, in every tenant. One single-action timer waits for the earliest
 * next run among all locations; when it fires, every location whose moment has come gets its day
 * closed (one job per tenant and day), and the next moment is planned. An hourly timer plans again,
 * so locations added or moved to another zone are picked up. Timers are not persistent: the plan is
 * rebuilt at every start. Every server plans and fires; a tenant's day is started by the one server that claims
 * it ({@link OnceOnly}), so several servers close each day once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClosureSchedule {

    private static final Logger LOG = Logger.getLogger(ClosureSchedule.class.getName());
    private static final String NEXT_RUN = "next-run";

    @Resource
    TimerService timers;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReconciliationJobs jobs;

    @EJB
    OnceOnly once;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.closure.time", defaultValue = "23:59")
    String closeAt;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.closure.schedule-enabled", defaultValue = "true")
    boolean enabled;

    /** The latest moment already handled, so one firing never closes a location's day twice. */
    private Instant handledUpTo = Instant.now();

    /** One active location as the schedule sees it. */
    record Site(long tenantId, long locationId, ZoneId zone) {
    }

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Daily closure schedule is off (cuadra.reconciliation.closure.schedule-enabled=false)");
            return;
        }
        timers.createCalendarTimer(new ScheduleExpression().hour("*").minute("7"), new TimerConfig("replan", false));
        plan();
    }

    @Timeout
    void fired(Timer timer) {
        if (NEXT_RUN.equals(timer.getInfo())) {
            runDue(Instant.now());
        }
        plan();
    }

    /** The next time {@code at} happens in the zone, strictly after {@code after}. */
    static Instant nextRun(LocalTime at, ZoneId zone, Instant after) {
        ZonedDateTime local = after.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** The business days due in (from, to]: each site's local day on which the closing moment falls in that window. */
    static Map<Long, Map<LocalDate, List<Long>>> due(List<Site> sites, LocalTime at, Instant from, Instant to) {
        Map<Long, Map<LocalDate, List<Long>>> byTenant = new TreeMap<>();
        for (Site s : sites) {
            Instant next = nextRun(at, s.zone(), from);
            if (!next.isAfter(to)) {
                LocalDate day = next.atZone(s.zone()).toLocalDate();
                byTenant.computeIfAbsent(s.tenantId(), t -> new TreeMap<>())
                        .computeIfAbsent(day, d -> new ArrayList<>()).add(s.locationId());
            }
        }
        return byTenant;
    }

    private synchronized void runDue(Instant now) {
        Map<Long, Map<LocalDate, List<Long>>> due = due(sites(), time(), handledUpTo, now);
        handledUpTo = now;
        due.forEach((tenant, days) -> days.forEach((day, locations) -> {
            if (!once.claim("daily-closure", tenant + "/" + day + "/" + time(), tenant)) {
                LOG.info(() -> "Daily closure of tenant " + tenant + ", " + day + " is another server's");
                return;
            }
            try {
                TenantContext.runAs(Actor.system(tenant, "closure-schedule"), () -> {
                    jobs.startClosure(locations, day, null, null, ReconciliationJobRun.Trigger.SCHEDULE);
                });
                LOG.info(() -> "Daily closure started for tenant " + tenant + ", " + day + ", locations " + locations);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Daily closure of tenant " + tenant + ", " + day + " could not start", e);
            }
        }));
    }

    private synchronized void plan() {
        timers.getTimers().stream().filter(t -> NEXT_RUN.equals(t.getInfo())).forEach(Timer::cancel);
        Instant now = Instant.now();
        sites().stream().map(s -> nextRun(time(), s.zone(), now)).min(Instant::compareTo).ifPresent(next ->
                timers.createSingleActionTimer(Date.from(next), new TimerConfig(NEXT_RUN, false)));
    }

    private LocalTime time() {
        return LocalTime.parse(closeAt);
    }

    private List<Site> sites() {
        List<Site> sites = new ArrayList<>();
        for (Object row : CrossTenantSql.query(em, "select l.tenant_id, l.id, l.time_zone from locations l "
                + "join tenants t on t.id = l.tenant_id where l.active and t.active order by l.tenant_id, l.id")
                .getResultList()) {
            Object[] r = (Object[]) row;
            sites.add(new Site(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ZoneId.of((String) r[2])));
        }
        return sites;
    }
}
