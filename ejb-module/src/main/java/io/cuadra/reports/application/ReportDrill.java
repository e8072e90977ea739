package io.cuadra.reports.application;

import io.cuadra.reports.domain.DrillRow;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * From a figure to what is behind it: the orders registered (sales, items, customers), the orders paid
 * (payments), the discrepancies (cash) or the documents (documents) matching the row's key inside the report's
 * filter. Raw rows, but always one key of one bounded period, newest first, at most {@link #LIMIT}.
 */
@Stateless
public class ReportDrill {

    public static final int LIMIT = 200;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportService reports;

    public List<DrillRow> drill(String report, ReportFilter f, String key) {
        if (key == null || key.isBlank()) {
            throw new RuleViolation("key: the row to drill into is needed.").withKey("reports.drillKeyNeeded");
        }
        return switch (report) {
            case "sales" -> orders(f, key, salesKey(f, key), null);
            case "items" -> orders(f, key, " and exists (select 1 from order_lines i where i.order_id = o.id and i.item_id = "
                    + id(key) + ")", null);
            case "customers" -> {
                if (!"top".equals(f.groupOr("top", java.util.Set.of("top", "new")))) {
                    throw new RuleViolation("key: drill into a customer of the top customers.").withKey("reports.drillCustomer");
                }
                yield orders(f, key, " and o.customer_id = " + id(key), null);
            }
            case "payments" -> orders(f, key, paymentKey(f, key), "payments");
            case "cash" -> discrepancies(f, key);
            case "documents" -> documents(f, key);
            default -> throw new io.cuadra.shared.domain.NotFound("No report " + report + ".");
        };
    }

    private String salesKey(ReportFilter f, String key) {
        String g = f.groupOr("day", java.util.Set.of("day", "week", "month", "location", "channel", "cashier"));
        return switch (g) {
            case "location" -> " and o.location_id = " + id(key);
            case "channel" -> " and o.channel = ?4";
            case "cashier" -> " and o.created_by = ?4";
            default -> period(g, key, "o.registered_at");
        };
    }

    private String paymentKey(ReportFilter f, String key) {
        String g = f.groupOr("method", java.util.Set.of("method", "day", "location", "cashier"));
        String paid = "(p.paid_at at time zone l.time_zone)::date between ?2 and ?3";
        String which = switch (g) {
            case "day" -> period("day", key, "p.paid_at");
            case "location" -> " and o.location_id = " + id(key);
            case "cashier" -> " and p.registered_by = ?4";
            default -> " and p.method_code = ?4";
        };
        return " and exists (select 1 from order_payments p where p.order_id = o.id and " + paid + which + ")";
    }

    /** A day, a week (its Monday) or a month key as a range of business days of the given instant. */
    private static String period(String group, String key, String instant) {
        LocalDate start;
        LocalDate end;
        try {
            if (group.equals("month")) {
                YearMonth m = YearMonth.parse(key);
                start = m.atDay(1);
                end = m.atEndOfMonth();
            } else {
                start = LocalDate.parse(key);
                end = group.equals("week") ? start.plusDays(6) : start;
            }
        } catch (DateTimeParseException e) {
            throw new RuleViolation("key: " + key + " is not a " + group + " of this report.").withKey("reports.drillNotInReport", key);
        }
        return " and (" + instant + " at time zone l.time_zone)::date between date '" + start + "' and date '" + end
                + "'";
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("key: " + key + " is not an id.").withKey("reports.drillNotId", key);
        }
    }

    /** Orders of the period (registered, or with a payment in it), narrowed by the row's key. */
    private List<DrillRow> orders(ReportFilter f, String key, String narrowing, String by) {
        String registered = by == null ? " and (o.registered_at at time zone l.time_zone)::date between ?2 and ?3"
                // instant bounds first, so the (tenant, registered_at) index does the work; zones are within 14 h
                + " and o.registered_at >= ?5 and o.registered_at < ?6" : "";
        String sql = "select o.id, o.number, l.code, (o.registered_at at time zone l.time_zone)::date, o.channel,"
                + " o.created_by, o.total, o.status from orders o join locations l on l.id = o.location_id"
                + " where o.tenant_id = ?1" + reports.scope(f, "o") + registered
                + (f.channel() != null ? " and o.channel = '" + f.channel() + "'" : "") + narrowing
                + " order by o.registered_at desc, o.id desc limit " + LIMIT;
        return drillRows("ORDER", sql, f, key);
    }

    private List<DrillRow> discrepancies(ReportFilter f, String key) {
        String g = f.groupOr("location", java.util.Set.of("location", "day", "cashier"));
        String which = switch (g) {
            case "day" -> " and c.business_date = date '" + day(key) + "'";
            case "cashier" -> " and exists (select 1 from cash_counts k where k.closure_id = c.id and k.counted_by = ?4)";
            default -> " and c.location_id = " + id(key);
        };
        String sql = "select x.id, coalesce(x.order_number, x.document_numbers, x.type), l.code, c.business_date,"
                + " x.type, coalesce(x.resolved_by, ''), x.difference, x.status from discrepancies x"
                + " join daily_closures c on c.id = x.closure_id join locations l on l.id = c.location_id"
                + " where x.tenant_id = ?1 and c.business_date between ?2 and ?3" + reports.scope(f, "c") + which
                + " order by c.business_date desc, x.id desc limit " + LIMIT;
        return drillRows("DISCREPANCY", sql, f, key);
    }

    private List<DrillRow> documents(ReportFilter f, String key) {
        String g = f.groupOr("status", java.util.Set.of("status", "kind", "location"));
        String which = switch (g) {
            case "kind" -> " and a.kind = ?4";
            case "location" -> " and a.location_id = " + id(key);
            default -> " and a.status = ?4";
        };
        String sql = "select a.id, a.display_number, l.code, a.issue_date, a.kind, a.created_by, a.total_amount,"
                + " a.status from billing_documents a join locations l on l.id = a.location_id"
                + " where a.tenant_id = ?1 and a.issue_date between ?2 and ?3" + reports.scope(f, "a") + which
                + " order by a.issued_at desc, a.id desc limit " + LIMIT;
        return drillRows("DOCUMENT", sql, f, key);
    }

    /** Rows of id, number, location code, day, channel or type, who, amount, status. */
    private List<DrillRow> drillRows(String kind, String sql, ReportFilter f, String key) {
        List<DrillRow> out = new ArrayList<>();
        for (Object[] r : query(sql, f, key)) {
            out.add(new DrillRow(kind, ((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ReportService.date(r[3]), (String) r[4], (String) r[5], ReportService.money(r[6]), (String) r[7]));
        }
        return out;
    }

    private static LocalDate day(String key) {
        try {
            return LocalDate.parse(key);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("key: " + key + " is not a day.").withKey("reports.drillNotDay", key);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, ReportFilter f, String key) {
        Query q = CrossTenantSql.query(em, sql).setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, Date.valueOf(f.from())).setParameter(3, Date.valueOf(f.to()));
        if (sql.contains("?4")) {
            q.setParameter(4, key.strip());
        }
        if (sql.contains("?5")) {
            q.setParameter(5, Timestamp.from(f.from().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            q.setParameter(6, Timestamp.from(f.to().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return q.getResultList();
    }
}
