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
 * Every five minutes, the threshold rules of every tenant that has some. Each tenant is evaluated in its own
 * transaction; a rule is raised once per location day whatever the number of servers (see {@link ReportAlerts}).
 */
@Singleton
public class ThresholdWatch {

    private static final Logger LOG = Logger.getLogger(ThresholdWatch.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportAlerts alerts;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void checkThresholds() {
        @SuppressWarnings("unchecked")
        List<Number> tenants = CrossTenantSql.query(em, "select distinct tenant_id from rpt_alert_rules where active")
                .getResultList();
        Instant now = Instant.now();
        EachTenant.run(tenants, "reports:alerts", LOG, "Threshold rules check", () -> alerts.evaluate(now));
    }
}
