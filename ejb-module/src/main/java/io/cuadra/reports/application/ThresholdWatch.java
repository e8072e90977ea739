package io.cuadra.reports.application;

import io.cuadra.shared.cluster.OnceOnly;
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
 * Every five minutes, the threshold rules of every tenant that has some. Each tenant is evaluated in its own
 * transaction; a rule is raised once per location day whatever the number of servers (see {@link ReportAlerts}), and
 * of several servers one evaluates each round ({@link OnceOnly}).
 */
@Singleton
public class ThresholdWatch {

    private static final Logger LOG = Logger.getLogger(ThresholdWatch.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportAlerts alerts;

    @EJB
    OnceOnly once;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void checkThresholds() {
        @SuppressWarnings("unchecked")
        List<Number> tenants = CrossTenantSql.query(em, "select distinct tenant_id from rpt_alert_rules where active")
                .getResultList();
        long round = Instant.now().getEpochSecond() / 300 * 300;
        // Claimed only when some tenant has rules: a platform without any writes nothing.
        if (tenants.isEmpty() || !once.claim("threshold-alerts", Instant.ofEpochSecond(round).toString(), null)) {
            return; // nothing to check, or another server evaluates this round
        }
        Instant now = Instant.now();
        for (Number tenant : tenants) {
            try {
                TenantContext.runAs(Actor.system(tenant.longValue(), "reports:alerts"), () -> alerts.evaluate(now));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Threshold rules of tenant " + tenant + " not checked this round", e);
            }
        }
    }
}
