package io.cuadra.reports.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five minutes, the threshold rules of every tenant that has some, and the scheduled reports due. Each tenant
 * is evaluated in its own transaction; a rule is raised once per location day and a schedule sent once per period
 * whatever the number of servers (database claims: see {@link ReportAlerts} and {@link ScheduledReports}), so this
 * plain per-server timer needs no cluster-wide one.
 */
@Singleton
public class ThresholdWatch {

    private static final Logger LOG = Logger.getLogger(ThresholdWatch.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportAlerts alerts;

    @EJB
    ScheduledReports schedules;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void checkThresholds() {
        Instant now = Instant.now();
        eachTenant("rpt_alert_rules", "reports:alerts", () -> alerts.evaluate(now));
        eachTenant("rpt_schedules", "reports:schedules", () -> schedules.runDue(now));
    }

    /** Runs the work for every tenant with an active row in the table, one tenant's failure not stopping others. */
    private void eachTenant(String table, String process, java.util.concurrent.Callable<?> work) {
        @SuppressWarnings("unchecked")
        List<Number> tenants = CrossTenantSql.query(em, "select distinct tenant_id from " + table + " where active")
                .getResultList();
        for (Number tenant : tenants) {
            try {
                TenantContext.runAs(Actor.system(tenant.longValue(), process), work);
            } catch (Exception e) {
                LOG.log(Level.WARNING, process + " of tenant " + tenant + " not done this round", e);
            }
        }
    }
}
