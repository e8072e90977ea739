package io.cuadra.reports.application;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.reports.domain.AlertRule;
import io.cuadra.reports.events.ReportThresholdCrossed;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold alerts: a tenant's rules per location, and their evaluation against the aggregates (net sales of the
 * day) and reconciliation's open discrepancies. A crossed rule is claimed for the day by one conditional update
 * and announced with {@link ReportThresholdCrossed}; the notifications component alerts the supervisors in-app.
 */
@Stateless
public class ReportAlerts {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @Inject
    Event<ReportThresholdCrossed> crossed;

    public List<AlertRule> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select r.id, r.location_id, l.code, r.kind, r.threshold,"
                        + " r.check_at, r.active, r.last_raised_on from rpt_alert_rules r join locations l"
                        + " on l.id = r.location_id where r.tenant_id = ?1 order by l.code, r.id")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        List<AlertRule> out = new ArrayList<>();
        for (Object[] r : rows) {
            long location = ((Number) r[1]).longValue();
            if (io.cuadra.identity.application.CurrentCaller.get().map(c -> c.worksAt(location)).orElse(true)) {
                out.add(rule(r));
            }
        }
        return out;
    }

    public AlertRule create(long locationId, String kind, BigDecimal threshold, LocalTime checkAt) {
        Location location = locations.find(locationId);
        AlertRule draft = new AlertRule(0, locationId, location.getCode(), kind, threshold, checkAt, true, null);
        long id = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        CrossTenantSql.query(em, "insert into rpt_alert_rules (id, tenant_id, location_id, kind, threshold, check_at,"
                        + " created_by, updated_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId()).setParameter(3, locationId)
                .setParameter(4, draft.kind()).setParameter(5, draft.threshold()).setParameter(6, Time.valueOf(checkAt))
                .setParameter(7, TenantContext.actorName()).executeUpdate();
        return new AlertRule(id, locationId, location.getCode(), draft.kind(), draft.threshold(), checkAt, true, null);
    }

    public void delete(long id) {
        AlertRule rule = list().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("No alert rule " + id + ".").withKey("reports.alertRule", id));
        CrossTenantSql.query(em, "delete from rpt_alert_rules where tenant_id = ?1 and id = ?2")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, rule.id()).executeUpdate();
    }

    /**
     * Checks the tenant's due rules at this instant, each in its location's day and zone; answers those raised now.
     * Its own transaction, so one tenant's failure never holds back another's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<AlertRule> evaluate(Instant now) {
        long tenant = TenantContext.require().tenantId();
        List<AlertRule> raised = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select r.id, r.location_id, l.code, r.kind, r.threshold,"
                        + " r.check_at, r.active, r.last_raised_on, l.time_zone from rpt_alert_rules r join locations l"
                        + " on l.id = r.location_id where r.tenant_id = ?1 and r.active order by r.id")
                .setParameter(1, tenant).getResultList();
        for (Object[] r : rows) {
            AlertRule rule = rule(r);
            java.time.ZoneId zone = java.time.ZoneId.of((String) r[8]);
            LocalDate day = LocalDate.ofInstant(now, zone);
            if (!rule.due(day, LocalTime.ofInstant(now, zone)) || !rule.crossedBy(figure(tenant, rule, day))) {
                continue;
            }
            // Claimed by one statement: of two servers (or two runs) only one sees a row updated.
            int claimed = CrossTenantSql.query(em, "update rpt_alert_rules set last_raised_on = ?3, updated_at = now()"
                            + " where tenant_id = ?1 and id = ?2 and (last_raised_on is null or last_raised_on < ?3)")
                    .setParameter(1, tenant).setParameter(2, rule.id()).setParameter(3, Date.valueOf(day))
                    .executeUpdate();
            if (claimed == 1) {
                crossed.fire(new ReportThresholdCrossed(tenant, rule.id(), rule.locationId(), rule.locationCode(), day,
                        rule.kind(), rule.threshold(), figure(tenant, rule, day)));
                raised.add(rule);
            }
        }
        return raised;
    }

    /** Net sales of the day so far (aggregates), or the location's open discrepancies (reconciliation). */
    private BigDecimal figure(long tenant, AlertRule rule, LocalDate day) {
        String sql = rule.kind().equals("SALES_BELOW")
                ? "select coalesce(sum(gross - cancelled_total - returned_total), 0) from rpt_sales_daily"
                        + " where tenant_id = ?1 and location_id = ?2 and business_day = ?3"
                : "select count(*) from discrepancies x join daily_closures c on c.id = x.closure_id"
                        + " where x.tenant_id = ?1 and c.location_id = ?2 and x.status = 'OPEN'"
                        + " and cast(?3 as date) is not null";
        Object v = CrossTenantSql.query(em, sql).setParameter(1, tenant).setParameter(2, rule.locationId())
                .setParameter(3, Date.valueOf(day)).getSingleResult();
        return new BigDecimal(v.toString());
    }

    private static AlertRule rule(Object[] r) {
        return new AlertRule(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                new BigDecimal(r[4].toString()).setScale(2), ((Time) r[5]).toLocalTime(), (Boolean) r[6],
                r[7] == null ? null : ((Date) r[7]).toLocalDate());
    }
}
