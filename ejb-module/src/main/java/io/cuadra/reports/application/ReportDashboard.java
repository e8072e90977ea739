package io.cuadra.reports.application;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The home page's figures, from the aggregates only (a handful of rows per location and day, never the day's
 * orders): today against the same weekday last week per location, and the days with activity still not closed.
 */
@Stateless
public class ReportDashboard {

    /** How far back a day with activity and no closure still counts as "to close". */
    public static final int CLOSING_WINDOW_DAYS = 60;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @EJB
    ReportService reports;

    /** One location's day: net sales and orders today and on the same weekday a week before. */
    public record LocationDay(long locationId, String code, LocalDate day, BigDecimal net, long orders,
                              BigDecimal lastWeekNet, long lastWeekOrders, long daysToClose) {
    }

    public List<LocationDay> today() {
        List<LocationDay> out = new ArrayList<>();
        long tenant = TenantContext.require().tenantId();
        for (Location l : locations.listVisible()) {
            LocalDate today = LocalDate.now(l.zone());
            Object[] now = figures(tenant, l.getId(), today);
            Object[] before = figures(tenant, l.getId(), today.minusWeeks(1));
            long toClose = ((Number) CrossTenantSql.query(em, "select count(distinct a.business_day) from rpt_sales_daily a"
                            + " where a.tenant_id = ?1 and a.location_id = ?2 and a.business_day between ?3 and ?4"
                            + " and not exists (select 1 from daily_closures c where c.tenant_id = a.tenant_id and"
                            + " c.location_id = a.location_id and c.business_date = a.business_day and c.status = 'CLOSED')")
                    .setParameter(1, tenant).setParameter(2, l.getId())
                    .setParameter(3, Date.valueOf(today.minusDays(CLOSING_WINDOW_DAYS)))
                    .setParameter(4, Date.valueOf(today.minusDays(1))).getSingleResult()).longValue();
            out.add(new LocationDay(l.getId(), l.getCode(), today, ReportService.money(now[0]),
                    ReportService.count(now[1]), ReportService.money(before[0]), ReportService.count(before[1]), toClose));
        }
        return out;
    }

    /** How many of the caller's tax documents of the last 30 days are in each state (PENDING, SENT, REJECTED...). */
    public record DocumentState(String status, long documents) {
    }

    /** The accountant's view: days still to close per location (from {@link #today()}) and SUNAT's states. */
    public record Accounting(List<LocationDay> locations, List<DocumentState> documents) {
    }

    public Accounting accounting() {
        LocalDate to = LocalDate.now(java.time.ZoneId.of("America/Lima"));
        io.cuadra.reports.domain.ReportResult r = reports.documents(new io.cuadra.reports.domain.ReportFilter(
                to.minusDays(29), to, null, null, "status", null, false, 20));
        return new Accounting(today(), r.rows().stream()
                .map(row -> new DocumentState(row.key(), (Long) row.values().get(0))).toList());
    }

    private Object[] figures(long tenant, long locationId, LocalDate day) {
        return (Object[]) CrossTenantSql.query(em, "select coalesce(sum(gross - cancelled_total - returned_total), 0),"
                        + " coalesce(sum(orders), 0) from rpt_sales_daily where tenant_id = ?1 and location_id = ?2"
                        + " and business_day = ?3")
                .setParameter(1, tenant).setParameter(2, locationId).setParameter(3, Date.valueOf(day))
                .getSingleResult();
    }
}
