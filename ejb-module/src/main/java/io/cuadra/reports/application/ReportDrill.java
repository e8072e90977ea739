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
            case "items", "rotation" -> orders(f, key, " and exists (select 1 from order_lines i where i.order_id = o.id and i.item_id = "
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
            case "stock", "expiring" -> lots(report, f, key);
            case "wastage" -> wastages(f, key);
            case "purchases" -> receipts(f, key);
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

    private static LocalDate monthStart(String key) {
        try {
            return YearMonth.parse(key).atDay(1);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("key: " + key + " is not a month of this report.").withKey("reports.drillNotInReport", key);
        }
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
        String g = f.groupOr("location", java.util.Set.of("location", "day", "month", "cashier"));
        String which = switch (g) {
            case "day" -> " and c.business_date = date '" + day(key) + "'";
            case "month" -> {
                // business_date is already the location's day: a plain date range, no zone
                LocalDate start = monthStart(key);
                yield " and c.business_date between date '" + start + "' and date '"
                        + start.plusMonths(1).minusDays(1) + "'";
            }
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
        String g = f.groupOr("status", java.util.Set.of("status", "kind", "location", "rejection"));
        String which = switch (g) {
            case "kind" -> " and a.kind = ?4";
            case "rejection" -> " and a.status = 'REJECTED' and coalesce((select r.code from billing_sunat_responses r"
                    + " where r.document_id = a.id and r.outcome = 'REJECTED' order by r.at desc, r.id desc limit 1),"
                    + " '-') = ?4";
            case "location" -> " and a.location_id = " + id(key);
            default -> " and a.status = ?4";
        };
        String sql = "select a.id, a.display_number, l.code, a.issue_date, a.kind, a.created_by, a.total_amount,"
                + " a.status from billing_documents a join locations l on l.id = a.location_id"
                + " where a.tenant_id = ?1 and a.issue_date between ?2 and ?3" + reports.scope(f, "a") + which
                + " order by a.issued_at desc, a.id desc limit " + LIMIT;
        return drillRows("DOCUMENT", sql, f, key);
    }

    /**
     * The lots with stock behind a stock-valuation or expiring-lots row: number = lot code, day = expiry, channel =
     * warehouse, who = item code, amount = value at the lot's cost, status = quantity on hand.
     */
    private List<DrillRow> lots(String report, ReportFilter f, String key) {
        String g = report.equals("stock") ? f.groupOr("warehouse", java.util.Set.of("warehouse", "category", "location"))
                : f.groupOr("lot", java.util.Set.of("lot", "item", "warehouse"));
        String which = switch (g) {
            case "category" -> key.equals("-") ? " and i.category_id is null" : " and i.category_id = " + id(key);
            case "location" -> " and w.location_id = " + id(key);
            case "item" -> " and i.id = " + id(key);
            case "lot" -> " and lt.id = " + id(key);
            default -> " and w.id = " + id(key);
        };
        String horizon = report.equals("expiring") ? " and b.on_hand > 0 and" + ReportService.expiringWithin(f.days())
                : "";
        String sql = "select lt.id, lt.code, l.code, lt.expires_on, w.code, i.code, round(b.on_hand * lt.unit_cost, 2),"
                + " b.on_hand::text from stock_balances b join inventory_lots lt on lt.id = b.lot_id"
                + " join warehouses w on w.id = b.warehouse_id join locations l on l.id = w.location_id"
                + " join items i on i.id = b.item_id where b.tenant_id = ?1 and b.on_hand <> 0"
                + " and cast(?2 as date) is not null and cast(?3 as date) is not null" + reports.scope(f, "w") + which
                + horizon + " order by lt.expires_on nulls last, lt.id limit " + LIMIT;
        return drillRows("LOT", sql, f, key);
    }

    /** The write-offs behind a wastage row: number = lot code, who = who recorded it, status = reason. */
    private List<DrillRow> wastages(ReportFilter f, String key) {
        String g = f.groupOr("reason", java.util.Set.of("reason", "item", "location"));
        String which = switch (g) {
            case "item" -> " and x.item_id = " + id(key);
            case "location" -> " and w.location_id = " + id(key);
            default -> " and x.reason = ?4";
        };
        String sql = "select x.id, lt.code, l.code, (x.recorded_at at time zone l.time_zone)::date, w.code,"
                + " x.created_by, round(x.quantity * x.unit_cost, 2), x.reason from wastages x"
                + " join inventory_lots lt on lt.id = x.lot_id join warehouses w on w.id = x.warehouse_id"
                + " join locations l on l.id = w.location_id where x.tenant_id = ?1"
                + " and (x.recorded_at at time zone l.time_zone)::date between ?2 and ?3" + reports.scope(f, "w") + which
                + " order by x.recorded_at desc, x.id desc limit " + LIMIT;
        return drillRows("WASTAGE", sql, f, key);
    }

    /** The goods receipts behind a purchases row: number = receipt number, status = supplier's document. */
    private List<DrillRow> receipts(ReportFilter f, String key) {
        String g = f.groupOr("supplier", java.util.Set.of("supplier", "location", "month"));
        String which = switch (g) {
            case "location" -> " and r.location_id = " + id(key);
            case "month" -> period("month", key, "r.received_at");
            default -> key.equals("-") ? " and r.supplier_id is null" : " and r.supplier_id = " + id(key);
        };
        String sql = "select r.id, r.number, l.code, (r.received_at at time zone l.time_zone)::date, w.code,"
                + " r.created_by, (select round(sum(y.quantity * y.unit_cost), 2) from goods_receipt_lines y"
                + " where y.receipt_id = r.id), coalesce(r.supplier_document, '') from goods_receipts r"
                + " join warehouses w on w.id = r.warehouse_id join locations l on l.id = r.location_id"
                + " where r.tenant_id = ?1 and (r.received_at at time zone l.time_zone)::date between ?2 and ?3"
                + reports.scope(f, "r") + which + " order by r.received_at desc, r.id desc limit " + LIMIT;
        return drillRows("RECEIPT", sql, f, key);
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
