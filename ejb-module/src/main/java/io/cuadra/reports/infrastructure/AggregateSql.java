package io.cuadra.reports.infrastructure;

import java.util.List;

/**
 * Each aggregate table and the same figures recomputed from the raw rows (orders, lines, status history,
 * payments, refunds, returns). The recomputation is what the aggregates mean, written once: the agreement
 * check compares with it, and a rebuild (demo history, a bulk load) writes it. {@code ?1} is the tenant.
 */
public final class AggregateSql {

    /** One aggregate table: its key columns, its figures, and the query that recomputes both in that order. */
    public record Table(String name, String keys, String figures, String recompute) {

        public String columns() {
            return keys + ", " + figures;
        }

        /**
         * Rows stored but not recomputed ("stored") and recomputed but not stored ("recomputed").
         *
         * @param locationId only this location's rows, or null for all of the tenant's
         */
        public String differences(Long locationId) {
            String at = locationId == null ? "" : " and location_id = " + locationId;
            String stored = "select " + columns() + " from " + name + " where tenant_id = ?1" + at;
            String again = "select * from (" + recompute + ") r" + (at.isEmpty() ? "" : " where" + at.substring(4));
            return "select '" + name + "' as aggregate, 'stored' as side, row_to_json(d)::text from (" + stored
                    + " except " + again + ") d union all select '" + name + "', 'recomputed', row_to_json(e)::text"
                    + " from (" + again + " except " + stored + ") e";
        }

        public String delete() {
            return "delete from " + name + " where tenant_id = ?1";
        }

        public String rebuild() {
            return "insert into " + name + " (tenant_id, " + columns() + ") select ?1, r.* from (" + recompute + ") r";
        }
    }

    /** A movement's business day at its location: the instant read in the location's own zone. */
    private static String day(String instant) {
        return "(" + instant + " at time zone l.time_zone)::date";
    }

    private static final String CANCELLED = " join order_status_history h on h.order_id = o.id"
            + " and h.to_status = 'CANCELLED'";

    public static final Table SALES = new Table("rpt_sales_daily",
            "location_id, business_day, channel, cashier",
            "orders, gross, discounts, base, tax, cancelled_orders, cancelled_total, returns, returned_total",
            "select location_id, d, channel, cashier, sum(n)::int, sum(gross), sum(disc), sum(base), sum(tax),"
                    + " sum(c)::int, sum(ct), sum(r)::int, sum(rt) from ("
                    + " select o.location_id, " + day("o.registered_at") + " d, o.channel, o.created_by cashier, 1 n,"
                    + " o.total gross, o.discount_total disc, o.base_total base, o.tax_total tax, 0 c, 0 ct, 0 r, 0 rt"
                    + " from orders o join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + " union all select o.location_id, " + day("h.changed_at") + ", o.channel, h.changed_by, 0,"
                    + " 0, 0, 0, 0, 1, o.total, 0, 0 from orders o" + CANCELLED
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + " union all select o.location_id, " + day("x.returned_at") + ", o.channel, x.returned_by, 0,"
                    + " 0, 0, 0, 0, 0, 0, 1, x.amount from order_returns x join orders o on o.id = x.order_id"
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + ") m group by location_id, d, channel, cashier");

    public static final Table PAYMENTS = new Table("rpt_payments_daily",
            "location_id, business_day, method_code, cashier",
            "method_kind, payments, amount, card_fees, refunds, refunded",
            // A method's kind never changes with its code: min() only carries it through the grouping.
            "select location_id, d, method_code, cashier, min(kind), sum(n)::int, sum(amount), sum(fee), sum(r)::int,"
                    + " sum(refunded) from ("
                    + " select o.location_id, " + day("p.paid_at") + " d, p.method_code, p.registered_by cashier,"
                    + " p.method_kind kind, 1 n, p.amount, coalesce(p.card_fee, 0) fee, 0 r, 0 refunded"
                    + " from order_payments p"
                    + " join orders o on o.id = p.order_id join locations l on l.id = o.location_id"
                    + " where o.tenant_id = ?1"
                    + " union all select o.location_id, " + day("f.refunded_at") + ", f.method_code, f.refunded_by,"
                    + " f.method_kind, 0, 0, 0, 1, f.amount from order_refunds f join orders o on o.id = f.order_id"
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + ") m group by location_id, d, method_code, cashier");

    public static final Table ITEMS = new Table("rpt_items_daily",
            "location_id, business_day, channel, item_id",
            "sold_qty, sold_base, sold_total, back_qty, back_base, back_total",
            "select location_id, d, channel, item_id, sum(sq), sum(sb), sum(st), sum(bq), sum(bb), sum(bt) from ("
                    + " select o.location_id, " + day("o.registered_at") + " d, o.channel, i.item_id, i.quantity sq,"
                    + " i.base sb, i.total st, 0 bq, 0 bb, 0 bt from order_lines i join orders o on o.id = i.order_id"
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + " union all select o.location_id, " + day("h.changed_at") + ", o.channel, i.item_id, 0, 0, 0,"
                    + " i.quantity, i.base, i.total from order_lines i join orders o on o.id = i.order_id" + CANCELLED
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1"
                    + " union all select o.location_id, " + day("x.returned_at") + ", o.channel, i.item_id, 0, 0, 0,"
                    + " y.quantity, y.value, y.value + y.tax from order_return_lines y"
                    + " join order_returns x on x.id = y.return_id join order_lines i on i.id = y.order_line_id"
                    + " join orders o on o.id = x.order_id join locations l on l.id = o.location_id"
                    + " where o.tenant_id = ?1"
                    + ") m group by location_id, d, channel, item_id");

    public static final Table CUSTOMERS = new Table("rpt_customers_daily",
            "location_id, business_day, channel, customer_id",
            "orders, spent, back",
            "select location_id, d, channel, customer_id, sum(n)::int, sum(spent), sum(back) from ("
                    + " select o.location_id, " + day("o.registered_at") + " d, o.channel, o.customer_id, 1 n,"
                    + " o.total spent, 0 back from orders o join locations l on l.id = o.location_id"
                    + " where o.tenant_id = ?1 and o.customer_id is not null"
                    + " union all select o.location_id, " + day("h.changed_at") + ", o.channel, o.customer_id, 0, 0,"
                    + " o.total from orders o" + CANCELLED + " join locations l on l.id = o.location_id"
                    + " where o.tenant_id = ?1 and o.customer_id is not null"
                    + " union all select o.location_id, " + day("x.returned_at") + ", o.channel, o.customer_id, 0, 0,"
                    + " x.amount from order_returns x join orders o on o.id = x.order_id"
                    + " join locations l on l.id = o.location_id where o.tenant_id = ?1 and o.customer_id is not null"
                    + ") m group by location_id, d, channel, customer_id");

    /**
     * Cost of goods from what the inventory component recorded: the line costs of a paid order (on its payment day)
     * and the RETURN moves of cancellations and returns (each move's quantity × unit cost, to the cent).
     */
    public static final Table COSTS = new Table("rpt_costs_daily",
            "location_id, business_day, channel, item_id",
            "out_cost, back_cost",
            "select location_id, d, channel, item_id, sum(oc), sum(bc) from ("
                    + " select o.location_id, " + day("o.paid_at") + " d, o.channel, c.item_id, c.cost oc, 0 bc"
                    + " from order_line_costs c join orders o on o.id = c.order_id"
                    + " join locations l on l.id = o.location_id where c.tenant_id = ?1"
                    + " union all select o.location_id, " + day("m.moved_at") + ", o.channel, i.item_id, 0,"
                    + " round(m.quantity * m.unit_cost, 2) from stock_moves m join orders o on o.id = m.reference_id"
                    + " join order_lines i on i.id = m.reference_line_id join locations l on l.id = o.location_id"
                    + " where m.tenant_id = ?1 and m.type = 'RETURN' and m.reference_type = 'ORDER'"
                    + ") m group by location_id, d, channel, item_id");

    public static final List<Table> ALL = List.of(SALES, PAYMENTS, ITEMS, CUSTOMERS, COSTS);

    private AggregateSql() {
    }
}
