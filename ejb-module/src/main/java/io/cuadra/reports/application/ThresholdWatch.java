package io.cuadra.reports.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.EachTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
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
        eachTenant("rpt_alert_rules", "reports:alerts", "Threshold rules check", () -> alerts.evaluate(now));
        eachTenant("rpt_schedules", "reports:schedules", "Scheduled reports", () -> schedules.runDue(now));
    }

    /** Runs the work for every tenant with an active row in the table. */
    private void eachTenant(String table, String process, String what, java.util.concurrent.Callable<?> work) {
        @SuppressWarnings("unchecked")
        List<Number> tenants = CrossTenantSql.query(em, "select distinct tenant_id from " + table + " where active")
                .getResultList();
        EachTenant.run(tenants, process, LOG, what, work);
    }
}
