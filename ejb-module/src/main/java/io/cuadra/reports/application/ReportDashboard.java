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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Every visible location in one round trip (each with its own today, in its zone): its net and orders today and
     * a week before, and its days with activity and no closure in the window — not three queries per location.
     */
    public List<LocationDay> today() {
        List<Location> visible = locations.listVisible();
        if (visible.isEmpty()) {
            return List.of();
        }
        StringBuilder days = new StringBuilder();
        for (Location l : visible) {
            // literals: a long id and an ISO date, nothing a caller typed
            days.append(days.length() == 0 ? "" : ", ").append("(").append(l.getId()).append("::bigint, date '")
                    .append(LocalDate.now(l.zone())).append("')");
        }
        String net = "coalesce(sum(a.gross - a.cancelled_total - a.returned_total), 0)";
        List<?> rows = CrossTenantSql.query(em, "select v.location_id, v.today, n.net, n.orders, w.net, w.orders, c.days"
                + " from (values " + days + ") v (location_id, today)"
                + " cross join lateral (select " + net + " net, coalesce(sum(a.orders), 0) orders from rpt_sales_daily a"
                + " where a.tenant_id = ?1 and a.business_day = v.today and a.location_id = v.location_id) n"
                + " cross join lateral (select " + net + " net, coalesce(sum(a.orders), 0) orders from rpt_sales_daily a"
                + " where a.tenant_id = ?1 and a.business_day = v.today - 7 and a.location_id = v.location_id) w"
                + " cross join lateral (select count(distinct a.business_day) days from rpt_sales_daily a"
                + " where a.tenant_id = ?1 and a.location_id = v.location_id"
                + " and a.business_day between v.today - " + CLOSING_WINDOW_DAYS + " and v.today - 1"
                + " and not exists (select 1 from daily_closures c where c.tenant_id = a.tenant_id and"
                + " c.location_id = a.location_id and c.business_date = a.business_day and c.status = 'CLOSED')) c")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        Map<Long, Object[]> byLocation = new HashMap<>();
        rows.forEach(r -> byLocation.put(((Number) ((Object[]) r)[0]).longValue(), (Object[]) r));
        List<LocationDay> out = new ArrayList<>();
        for (Location l : visible) {
            Object[] r = byLocation.get(l.getId());
            out.add(new LocationDay(l.getId(), l.getCode(), ReportService.date(r[1]), ReportService.money(r[2]),
                    ReportService.count(r[3]), ReportService.money(r[4]), ReportService.count(r[5]),
                    ReportService.count(r[6])));
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
}
