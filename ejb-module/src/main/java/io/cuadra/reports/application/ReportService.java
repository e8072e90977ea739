package io.cuadra.reports.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Caller;
import io.cuadra.reports.domain.ReportComparison;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportResult;
import io.cuadra.reports.domain.ReportResult.Column;
import io.cuadra.reports.domain.ReportResult.Row;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reports, read from the aggregates (sales, payments, items, customers) or from the small per-day tables
 * other components keep (closures, discrepancies, documents). Every query names the tenant and the locations
 * the caller works at; a location outside them is 404.
 */
@Stateless
public class ReportService {

    public static final List<String> REPORTS = List.of("sales", "payments", "items", "customers", "cash", "documents",
            "stock", "rotation", "expiring", "wastage", "purchases");

    static final String CUSTOMER_NAME = "coalesce(cu.business_name, trim(coalesce(cu.first_name, '') || ' '"
            + " || coalesce(cu.last_name, '')))";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    public ReportResult run(String report, ReportFilter f) {
        return switch (report) {
            case "sales" -> sales(f);
            case "payments" -> payments(f);
            case "items" -> items(f);
            case "customers" -> customers(f);
            case "cash" -> cash(f);
            case "documents" -> documents(f);
            case "stock" -> stock(f);
            case "rotation" -> rotation(f);
            case "expiring" -> expiring(f);
            case "wastage" -> wastage(f);
            case "purchases" -> purchases(f);
            default -> throw new NotFound("No report " + report + ".").withKey("reports.report", report);
        };
    }

    /**
     * The report beside the same report over an earlier period: {@code previous} (the period just before, of the
     * same length: month-over-month for a month) or {@code year} (the same dates a year before).
     */
    public ReportResult compare(String report, ReportFilter f, String against) {
        if (!"previous".equals(against) && !"year".equals(against)) {
            throw new RuleViolation("compare: " + against + " is not previous or year.").withKey("reports.compare", against);
        }
        LocalDate[] earlier = ReportComparison.earlier(f.from(), f.to(), against);
        return ReportComparison.of(run(report, f), run(report, f.shifted(earlier[0], earlier[1])));
    }

    /** Net = gross - cancelled - returned, each on the day it happened; average ticket = gross / orders. */
    public ReportResult sales(ReportFilter f) {
        String g = f.groupOr("day", Set.of("day", "week", "month", "location", "channel", "cashier"));
        String key = switch (g) {
            case "week" -> "to_char(date_trunc('week', a.business_day), 'YYYY-MM-DD')";
            case "month" -> "to_char(a.business_day, 'YYYY-MM')";
            case "location" -> "a.location_id::text";
            case "channel" -> "a.channel";
            case "cashier" -> "a.cashier";
            default -> "to_char(a.business_day, 'YYYY-MM-DD')";
        };
        // Summed first by the plain column (a day, location, channel or cashier: the aggregate's own grain, no join,
        // no text per row), then the few hundred groups are keyed, labelled and rolled up into weeks or months.
        String grain = switch (g) {
            case "location", "channel", "cashier" -> "a." + (g.equals("location") ? "location_id" : g);
            default -> "a.business_day";
        };
        String sums = "sum(a.orders) orders, sum(a.gross) gross, sum(a.discounts) discounts,"
                + " sum(a.cancelled_orders) cancelled_orders, sum(a.cancelled_total) cancelled_total,"
                + " sum(a.returns) returns, sum(a.returned_total) returned_total";
        List<Object[]> raw = rows("select " + key + " k, " + label(g) + " lbl, sum(a.orders), sum(a.gross),"
                + " sum(a.discounts), sum(a.cancelled_orders), sum(a.cancelled_total), sum(a.returns),"
                + " sum(a.returned_total) from (select " + grain + ", " + sums + " from rpt_sales_daily a" + where(f, true)
                + " group by " + grain + ") a" + (g.equals("location") ? " join locations l on l.id = a.location_id" : "")
                + " group by 1, 2 order by " + (g.equals("cashier") || g.equals("location")
                || g.equals("channel") ? "4 desc, 1" : "1"), f);
        List<Row> out = new ArrayList<>();
        for (Object[] r : raw) {
            long orders = count(r[2]);
            BigDecimal gross = money(r[3]);
            BigDecimal net = gross.subtract(money(r[6])).subtract(money(r[8]));
            BigDecimal average = orders == 0 ? BigDecimal.ZERO.setScale(2)
                    : gross.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
            out.add(new Row(str(r[0]), str(r[1]), List.of(orders, gross, money(r[4]), count(r[5]), money(r[6]),
                    count(r[7]), money(r[8]), net, average)));
        }
        List<Column> cols = List.of(new Column("orders", "COUNT"), new Column("gross", "MONEY"),
                new Column("discounts", "MONEY"), new Column("cancelledOrders", "COUNT"),
                new Column("cancelledTotal", "MONEY"), new Column("returns", "COUNT"),
                new Column("returnedTotal", "MONEY"), new Column("net", "MONEY"), new Column("averageTicket", "MONEY"));
        List<Object> totals = totals(cols, out);
        long orders = (Long) totals.get(0);
        totals.set(8, orders == 0 ? BigDecimal.ZERO.setScale(2)
                : ((BigDecimal) totals.get(1)).divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP));
        return new ReportResult("sales", g, f.from(), f.to(), cols, out, totals);
    }

    /** Gross taken per method, the card fees kept by the provider, net = gross - fees; refunds given back. */
    public ReportResult payments(ReportFilter f) {
        String g = f.groupOr("method", Set.of("method", "day", "location", "cashier"));
        String key = switch (g) {
            case "day" -> "to_char(a.business_day, 'YYYY-MM-DD')";
            case "location" -> "a.location_id::text";
            case "cashier" -> "a.cashier";
            default -> "a.method_code";
        };
        String lbl = switch (g) {
            case "method" -> "a.method_code || ' (' || min(a.method_kind) || ')'";
            default -> label(g);
        };
        String grain = switch (g) {
            case "day" -> "a.business_day";
            case "location" -> "a.location_id";
            case "cashier" -> "a.cashier";
            default -> "a.method_code";
        };
        // Summed at the plain column first (as sales), then keyed and labelled.
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, sum(a.payments), sum(a.amount),"
                + " sum(a.card_fees), sum(a.refunds), sum(a.refunded) from (select " + grain + ","
                + " min(a.method_kind) method_kind, sum(a.payments) payments, sum(a.amount) amount,"
                + " sum(a.card_fees) card_fees, sum(a.refunds) refunds, sum(a.refunded) refunded from rpt_payments_daily a"
                + where(f, false) + " group by " + grain + ") a"
                + (g.equals("location") ? " join locations l on l.id = a.location_id" : "")
                + " group by 1" + (g.equals("method") ? "" : ", 2") + " order by " + (g.equals("day") ? "1" : "4 desc, 1"),
                f);
        List<Row> out = new ArrayList<>();
        for (Object[] r : raw) {
            BigDecimal amount = money(r[3]);
            BigDecimal fees = money(r[4]);
            out.add(new Row(str(r[0]), str(r[1]), List.of(count(r[2]), amount, fees, amount.subtract(fees),
                    count(r[5]), money(r[6]))));
        }
        List<Column> cols = List.of(new Column("payments", "COUNT"), new Column("gross", "MONEY"),
                new Column("cardFees", "MONEY"), new Column("net", "MONEY"), new Column("refunds", "COUNT"),
                new Column("refunded", "MONEY"));
        return new ReportResult("payments", g, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /**
     * Items ranked by net quantity, net revenue (without tax) or margin: sold at registration minus what came back;
     * cost of goods from what inventory published (out on payment minus back), margin = revenue - cost.
     */
    public ReportResult items(ReportFilter f) {
        String by = f.order() == null ? "revenue" : f.order();
        if (!Set.of("revenue", "quantity", "margin").contains(by)) {
            throw new RuleViolation("order: " + by + " is not revenue, quantity or margin.").withKey("reports.orderBy", by);
        }
        String g = f.groupOr("item", Set.of("item", "category"));
        String key = g.equals("item") ? "a.item_id::text" : "coalesce(c.id::text, '-')";
        String lbl = g.equals("item") ? "min(i.code) || ' ' || min(i.name)" : "coalesce(min(c.name), '-')";
        String sort = switch (by) {
            case "quantity" -> "3";
            case "margin" -> "sum(a.v - a.cost)";
            default -> "4";
        };
        // Each table summed per item first: the join with items and categories then meets one row per item.
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, sum(a.q), sum(a.v), sum(a.t), sum(a.bq),"
                + " sum(a.cost) from (select a.item_id, sum(a.sold_qty - a.back_qty) q, sum(a.sold_base - a.back_base) v,"
                + " sum(a.sold_total - a.back_total) t, sum(a.back_qty) bq, 0 cost from rpt_items_daily a" + where(f, true)
                + " group by a.item_id union all select a.item_id, 0, 0, 0, 0, sum(a.out_cost - a.back_cost)"
                + " from rpt_costs_daily a" + where(f, true) + " group by a.item_id) a"
                + " join items i on i.id = a.item_id left join categories c on c.id = i.category_id"
                + " group by 1 order by " + sort + (f.bottom() ? " asc" : " desc") + ", 1 limit " + f.limit(), f);
        List<Row> out = raw.stream().map(r -> {
            BigDecimal revenue = money(r[3]);
            BigDecimal cost = money(r[6]);
            BigDecimal margin = revenue.subtract(cost);
            return new Row(str(r[0]), str(r[1]), java.util.Arrays.asList(qty(r[2]), revenue, money(r[4]), qty(r[5]),
                    cost, margin, percentOf(margin, revenue)));
        }).toList();
        List<Column> cols = List.of(new Column("quantity", "QUANTITY"), new Column("revenue", "MONEY"),
                new Column("total", "MONEY"), new Column("returnedQuantity", "QUANTITY"), new Column("cost", "MONEY"),
                new Column("margin", "MONEY"), new Column("marginPercent", "PERCENT"));
        List<Object> totals = totals(cols, out);
        totals.set(6, percentOf((BigDecimal) totals.get(5), (BigDecimal) totals.get(1)));
        return new ReportResult("items", g, f.from(), f.to(), cols, out, totals);
    }

    /** part / whole in percent with one decimal, null when the whole is zero. */
    static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /**
     * Named customers: top by net spending with their last visit, or new (first order ever inside the period)
     * vs recurrent (an earlier order, at any of the caller's locations).
     */
    public ReportResult customers(ReportFilter f) {
        String g = f.groupOr("top", Set.of("top", "new"));
        if (g.equals("new")) {
            // Each customer's first day once, hashed, rather than looked up again for every row of the period.
            List<Object[]> raw = rows("select case when fv.first_day >= ?2 then 'NEW' else 'RECURRENT' end k,"
                    + " count(distinct a.customer_id), sum(a.orders), sum(a.spent - a.back) from rpt_customers_daily a"
                    + " join (select b.customer_id, min(b.business_day)"
                    + " first_day from rpt_customers_daily b where b.tenant_id = ?1 and b.orders > 0"
                    + " group by b.customer_id) fv on fv.customer_id = a.customer_id"
                    + where(f, true) + " and a.orders > 0 group by 1 order by 1", f);
            List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[0]), List.of(count(r[1]), count(r[2]),
                    money(r[3])))).toList();
            List<Column> cols = List.of(new Column("customers", "COUNT"), new Column("orders", "COUNT"),
                    new Column("spent", "MONEY"));
            return new ReportResult("customers", g, f.from(), f.to(), cols, out, totals(cols, out));
        }
        // Ranked per customer first; only the customers shown are joined for their names.
        String direction = f.bottom() ? "asc" : "desc";
        List<Object[]> raw = rows("select a.customer_id::text k, " + CUSTOMER_NAME + " lbl, a.orders, a.spent, a.last"
                + " from (select a.customer_id, sum(a.orders) orders, sum(a.spent - a.back) spent,"
                + " max(case when a.orders > 0 then a.business_day end) last from rpt_customers_daily a" + where(f, true)
                + " group by a.customer_id order by 3 " + direction + ", a.customer_id::text limit " + f.limit() + ") a"
                + " join customers cu on cu.id = a.customer_id order by 4 " + direction + ", 1", f);
        List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[1]), java.util.Arrays.asList(count(r[2]),
                money(r[3]), date(r[4])))).toList();
        List<Column> cols = List.of(new Column("orders", "COUNT"), new Column("spent", "MONEY"),
                new Column("lastVisit", "DATE"));
        return new ReportResult("customers", g, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /**
     * Cash and reconciliation per location or day: closures closed, days with activity still not closed, the
     * counted cash's difference (over + / short -), discrepancies found and still open.
     */
    public ReportResult cash(ReportFilter f) {
        String g = f.groupOr("location", Set.of("location", "day", "month", "cashier"));
        String key = switch (g) {
            case "day" -> "to_char(d.business_date, 'YYYY-MM-DD')";
            case "month" -> "to_char(d.business_date, 'YYYY-MM')";
            case "cashier" -> "coalesce(d.counted_by, '-')";
            default -> "d.location_id::text";
        };
        String lbl = switch (g) {
            case "location" -> "min(l.code)";
            default -> key;
        };
        StringBuilder sql = new StringBuilder("select ").append(key).append(" k, ").append(lbl).append(" lbl,")
                .append(" count(*) filter (where d.closed), count(*) filter (where not d.closed),")
                .append(" coalesce(sum(d.difference), 0), sum(d.found), sum(d.open) from (")
                .append("select a.location_id, a.business_day business_date, c.status = 'CLOSED' closed,")
                .append(" c.cash_difference difference, (select k.counted_by from cash_counts k where")
                .append(" k.closure_id = c.id order by k.counted_at desc limit 1) counted_by,")
                .append(" coalesce(c.discrepancy_count, 0) found, (select count(*) from discrepancies x where")
                .append(" x.closure_id = c.id and x.status = 'OPEN') open")
                .append(" from (select distinct a.location_id, a.business_day from rpt_sales_daily a")
                .append(" join locations l on l.id = a.location_id").append(where(f, true))
                .append(") a left join daily_closures c on c.tenant_id = ?1 and c.location_id = a.location_id")
                .append(" and c.business_date = a.business_day) d join locations l on l.id = d.location_id")
                .append(" group by 1 order by 1");
        List<Object[]> raw = rows(sql.toString(), f);
        List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[1]), List.of(count(r[2]), count(r[3]),
                money(r[4]), count(r[5]), count(r[6])))).toList();
        List<Column> cols = List.of(new Column("daysClosed", "COUNT"), new Column("daysNotClosed", "COUNT"),
                new Column("cashDifference", "MONEY"), new Column("discrepancies", "COUNT"),
                new Column("openDiscrepancies", "COUNT"));
        return new ReportResult("cash", g, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /**
     * Tax documents issued in the period by status (PENDING, ACCEPTED, REJECTED...), kind or location; or the
     * rejected ones by the code (and text) of SUNAT's last rejection.
     */
    public ReportResult documents(ReportFilter f) {
        String g = f.groupOr("status", Set.of("status", "kind", "location", "rejection"));
        String key = switch (g) {
            case "kind" -> "a.kind";
            case "location" -> "a.location_id::text";
            case "rejection" -> "coalesce(x.code, '-')";
            default -> "a.status";
        };
        String lbl = switch (g) {
            case "location" -> "min(l.code)";
            case "rejection" -> "coalesce(x.code, '-') || ' ' || coalesce(min(x.message), '')";
            default -> key;
        };
        String rejection = g.equals("rejection") ? " left join lateral (select r.code, r.message from"
                + " billing_sunat_responses r where r.document_id = a.id and r.outcome = 'REJECTED'"
                + " order by r.at desc, r.id desc limit 1) x on true" : "";
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, count(*), sum(a.total_amount)"
                + " from billing_documents a join locations l on l.id = a.location_id" + rejection
                + " where a.tenant_id = ?1 and a.issue_date between ?2 and ?3" + scope(f, "a")
                + (g.equals("rejection") ? " and a.status = 'REJECTED'" : "") + " group by 1 order by 1", f);
        List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[1]).strip(), List.of(count(r[2]), money(r[3]))))
                .toList();
        List<Column> cols = List.of(new Column("documents", "COUNT"), new Column("total", "MONEY"));
        return new ReportResult("documents", g, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /** Stock on hand now, valued at each lot's unit cost, by warehouse, category or location (the period is not used). */
    public ReportResult stock(ReportFilter f) {
        String g = f.groupOr("warehouse", Set.of("warehouse", "category", "location"));
        String key = switch (g) {
            case "category" -> "coalesce(c.id::text, '-')";
            case "location" -> "w.location_id::text";
            default -> "w.id::text";
        };
        String lbl = switch (g) {
            case "category" -> "coalesce(min(c.name), '-')";
            case "location" -> "min(l.code)";
            default -> "min(l.code) || ' ' || min(w.code)";
        };
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, count(distinct b.lot_id), sum(b.on_hand),"
                + " sum(b.on_hand * lt.unit_cost) from stock_balances b join inventory_lots lt on lt.id = b.lot_id"
                + " join warehouses w on w.id = b.warehouse_id join locations l on l.id = w.location_id"
                + " join items i on i.id = b.item_id left join categories c on c.id = i.category_id"
                + " where b.tenant_id = ?1 and b.on_hand <> 0" + unusedPeriod() + scope(f, "w")
                + " group by 1 order by 5 desc, 1", f);
        return countQuantityMoney("stock", g, f, raw, "lots", "onHand", "stockValue");
    }

    /**
     * Rotation per item or category: cost of goods sold over the period (aggregates) against the stock value now;
     * turns = cost of goods sold / stock value, days of stock = stock value / (cost of goods sold per day).
     */
    public ReportResult rotation(ReportFilter f) {
        String g = f.groupOr("item", Set.of("item", "category"));
        String key = g.equals("item") ? "a.item_id::text" : "coalesce(c.id::text, '-')";
        String lbl = g.equals("item") ? "min(i.code) || ' ' || min(i.name)" : "coalesce(min(c.name), '-')";
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, sum(a.cogs), sum(a.val) from ("
                + " select a.item_id, a.out_cost - a.back_cost cogs, 0 val from rpt_costs_daily a"
                + " join locations l on l.id = a.location_id" + where(f, false)
                + " union all select b.item_id, 0, b.on_hand * lt.unit_cost from stock_balances b"
                + " join inventory_lots lt on lt.id = b.lot_id join warehouses w on w.id = b.warehouse_id"
                + " where b.tenant_id = ?1 and b.on_hand <> 0" + scope(f, "w") + ") a"
                + " join items i on i.id = a.item_id left join categories c on c.id = i.category_id"
                + " group by 1 order by 3 desc, 1 limit " + f.limit(), f);
        long days = java.time.temporal.ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
        List<Row> out = raw.stream().map(r -> {
            BigDecimal cogs = money(r[2]);
            BigDecimal value = money(r[3]);
            return new Row(str(r[0]), str(r[1]), java.util.Arrays.asList(cogs, value, turns(cogs, value),
                    daysOfStock(cogs, value, days)));
        }).toList();
        List<Column> cols = List.of(new Column("costOfGoods", "MONEY"), new Column("stockValue", "MONEY"),
                new Column("turns", "RATIO"), new Column("daysOfStock", "RATIO"));
        List<Object> totals = totals(cols, out);
        totals.set(2, turns((BigDecimal) totals.get(0), (BigDecimal) totals.get(1)));
        totals.set(3, daysOfStock((BigDecimal) totals.get(0), (BigDecimal) totals.get(1), days));
        return new ReportResult("rotation", g, f.from(), f.to(), cols, out, totals);
    }

    static BigDecimal turns(BigDecimal cogs, BigDecimal value) {
        return value.signum() == 0 ? null : cogs.divide(value, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal daysOfStock(BigDecimal cogs, BigDecimal value, long days) {
        return cogs.signum() <= 0 ? null : value.multiply(BigDecimal.valueOf(days)).divide(cogs, 1, RoundingMode.HALF_UP);
    }

    /**
     * Lots with stock expiring within {@code days} of the location's today (already expired ones included), by lot,
     * item or warehouse.
     */
    public ReportResult expiring(ReportFilter f) {
        String g = f.groupOr("lot", Set.of("lot", "item", "warehouse"));
        String key = switch (g) {
            case "item" -> "i.id::text";
            case "warehouse" -> "w.id::text";
            default -> "lt.id::text";
        };
        String lbl = switch (g) {
            case "item" -> "min(i.code) || ' ' || min(i.name)";
            case "warehouse" -> "min(l.code) || ' ' || min(w.code)";
            default -> "min(i.code) || ' ' || min(lt.code) || ' (' || min(l.code) || ' ' || min(w.code) || ')'";
        };
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, min(lt.expires_on), count(distinct lt.id),"
                + " sum(b.on_hand), sum(b.on_hand * lt.unit_cost) from stock_balances b"
                + " join inventory_lots lt on lt.id = b.lot_id join warehouses w on w.id = b.warehouse_id"
                + " join locations l on l.id = w.location_id join items i on i.id = b.item_id"
                + " where b.tenant_id = ?1 and b.on_hand > 0 and " + expiringWithin(f.days())
                + unusedPeriod() + scope(f, "w") + " group by 1 order by 3, 1 limit 1000", f);
        List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[1]), java.util.Arrays.asList(date(r[2]),
                count(r[3]), qty(r[4]), money(r[5])))).toList();
        List<Column> cols = List.of(new Column("expiresOn", "DATE"), new Column("lots", "COUNT"),
                new Column("onHand", "QUANTITY"), new Column("stockValue", "MONEY"));
        return new ReportResult("expiring", g, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /**
     * Lots ({@code lt}) expiring by the location's ({@code l}) today plus {@code days}: each location counts from its
     * own day in its own zone, so a lot in Santiago and one in Lima are not both measured from Lima's date.
     */
    static String expiringWithin(int days) {
        return " lt.expires_on <= (current_timestamp at time zone l.time_zone)::date + " + days;
    }

    /** Stock written off in the period by reason, item or location, valued at the lots' cost. */
    public ReportResult wastage(ReportFilter f) {
        String g = f.groupOr("reason", Set.of("reason", "item", "location"));
        String key = switch (g) {
            case "item" -> "x.item_id::text";
            case "location" -> "w.location_id::text";
            default -> "x.reason";
        };
        String lbl = switch (g) {
            case "item" -> "min(i.code) || ' ' || min(i.name)";
            case "location" -> "min(l.code)";
            default -> "x.reason";
        };
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, count(*), sum(x.quantity),"
                + " sum(x.quantity * x.unit_cost) from wastages x join warehouses w on w.id = x.warehouse_id"
                + " join locations l on l.id = w.location_id join items i on i.id = x.item_id"
                + " where x.tenant_id = ?1 and (x.recorded_at at time zone l.time_zone)::date between ?2 and ?3"
                + scope(f, "w") + " group by 1 order by 5 desc, 1", f);
        return countQuantityMoney("wastage", g, f, raw, "writeOffs", "quantity", "costOfGoods");
    }

    /** Goods received in the period by supplier, location or month, valued at their unit cost. */
    public ReportResult purchases(ReportFilter f) {
        String g = f.groupOr("supplier", Set.of("supplier", "location", "month"));
        String key = switch (g) {
            case "location" -> "r.location_id::text";
            case "month" -> "to_char((r.received_at at time zone l.time_zone)::date, 'YYYY-MM')";
            default -> "coalesce(r.supplier_id::text, '-')";
        };
        String lbl = switch (g) {
            case "location" -> "min(l.code)";
            case "month" -> key;
            default -> "coalesce(min(s.name), '-')";
        };
        List<Object[]> raw = rows("select " + key + " k, " + lbl + " lbl, count(distinct r.id), sum(y.quantity),"
                + " sum(y.quantity * y.unit_cost) from goods_receipts r join goods_receipt_lines y on y.receipt_id = r.id"
                + " join locations l on l.id = r.location_id left join suppliers s on s.id = r.supplier_id"
                + " where r.tenant_id = ?1 and (r.received_at at time zone l.time_zone)::date between ?2 and ?3"
                + scope(f, "r") + " group by 1 order by " + (g.equals("month") ? "1" : "5 desc, 1"), f);
        return countQuantityMoney("purchases", g, f, raw, "receipts", "quantity", "purchased");
    }

    /** Rows of key, label, a count, a quantity and an amount (stock, wastage, purchases). */
    private static ReportResult countQuantityMoney(String report, String group, ReportFilter f, List<Object[]> raw,
                                                   String countKey, String quantityKey, String moneyKey) {
        List<Row> out = raw.stream().map(r -> new Row(str(r[0]), str(r[1]), List.of(count(r[2]), qty(r[3]),
                money(r[4])))).toList();
        List<Column> cols = List.of(new Column(countKey, "COUNT"), new Column(quantityKey, "QUANTITY"),
                new Column(moneyKey, "MONEY"));
        return new ReportResult(report, group, f.from(), f.to(), cols, out, totals(cols, out));
    }

    /** Reports of the state now still bind the period's parameters: this keeps them used. */
    private static String unusedPeriod() {
        return " and cast(?2 as date) is not null and cast(?3 as date) is not null";
    }

    /** The locations this caller may report on, by id: code. */
    public Map<Long, String> visibleLocations() {
        return locations.listVisible().stream().collect(Collectors.toMap(l -> l.getId(), l -> l.getCode(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    // --- SQL helpers --------------------------------------------------------------------------------------

    private static String label(String group) {
        return switch (group) {
            case "location" -> "l.code"; // one code per location id: grouped with it
            case "week" -> "to_char(date_trunc('week', a.business_day), 'IYYY-\"W\"IW')";
            case "month" -> "to_char(a.business_day, 'YYYY-MM')";
            case "day" -> "to_char(a.business_day, 'YYYY-MM-DD')";
            case "channel" -> "a.channel";
            default -> "a.cashier";
        };
    }

    /** Tenant, period, the caller's locations, the location and (where the table has it) channel asked for. */
    public String where(ReportFilter f, boolean hasChannel) {
        if (!hasChannel && f.channel() != null) {
            throw new RuleViolation("channel: this report is not kept by channel.").withKey("reports.noChannel");
        }
        return " where a.tenant_id = ?1 and a.business_day between ?2 and ?3" + scope(f, "a")
                + (f.channel() != null ? " and a.channel = '" + f.channel() + "'" : "");
    }

    /** Location scope as literal ids: they are longs from the caller's token and the checked filter. */
    public String scope(ReportFilter f, String alias) {
        if (f.locationId() != null) {
            locations.find(f.locationId()); // 404 outside the caller's locations
            return " and " + alias + ".location_id = " + f.locationId();
        }
        Caller caller = CurrentCaller.require();
        if (caller.allLocations()) {
            return "";
        }
        String ids = caller.locationIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return " and " + alias + ".location_id in (" + (ids.isEmpty() ? "-1" : ids) + ")";
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, ReportFilter f) {
        Query q = CrossTenantSql.query(em, sql).setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, Date.valueOf(f.from())).setParameter(3, Date.valueOf(f.to()));
        return q.getResultList();
    }

    static List<Object> totals(List<Column> cols, List<Row> rows) {
        List<Object> totals = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            if (!c.numeric()) {
                totals.add(null);
                continue;
            }
            final int col = i;
            switch (c.kind()) {
                case "COUNT" -> totals.add(rows.stream().mapToLong(r -> (Long) r.values().get(col)).sum());
                case "QUANTITY" -> totals.add(rows.stream().map(r -> (BigDecimal) r.values().get(col))
                        .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add));
                default -> totals.add(rows.stream().map(r -> (BigDecimal) r.values().get(col))
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
            }
        }
        return totals;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static long count(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static BigDecimal money(Object o) {
        return o == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(o.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal qty(Object o) {
        return o == null ? BigDecimal.ZERO.setScale(3) : new BigDecimal(o.toString()).setScale(3, RoundingMode.HALF_UP);
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : LocalDate.parse(o.toString());
    }
}
