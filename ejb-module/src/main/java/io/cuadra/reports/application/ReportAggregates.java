package io.cuadra.reports.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.events.GoodsCosted;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderChanged;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderReturned;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the report aggregates in the transaction of the change itself: it observes the orders component's
 * events (never its tables), so a sale, payment, cancellation or return and its figures commit or roll back
 * together (a change refused because its day is closed leaves no trace here either). Each movement is added
 * to the business day it happened in at the order's location; rows are upserted in a fixed table order and,
 * within a table, in key order, so two sales of the same items never deadlock on these rows.
 */
@Stateless
public class ReportAggregates {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /**
     * Registration adds the order, its lines, its customer and the payments that came with it (one event per
     * transaction); a later payment adds its money.
     */
    public void onChange(@Observes OrderChanged change) {
        OrderSnapshot o = change.order();
        switch (change.change()) {
            case "REGISTER" -> {
                registered(o);
                // The payments that came with the registration; the one that completed the order is added by
                // onPaid, after the invoice.
                List<OrderSnapshot.PaymentLine> taken = o.paidAt() == null || o.payments().isEmpty()
                        ? o.payments() : o.payments().subList(0, o.payments().size() - 1);
                taken.stream().sorted(Comparator.comparing(OrderSnapshot.PaymentLine::methodCode))
                        .forEach(p -> payment(o, p));
            }
            case "PAYMENT" -> {
                if (o.paidAt() == null) {
                    paid(o); // the payment that completes the order is added by onPaid, after the invoice
                }
            }
            default -> {
                // CANCEL and RETURN carry their refunds on their own events (below); the rest moves no figure.
            }
        }
    }

    /**
     * The payment that made the order fully paid, added last of the observers of {@link OrderPaid}: the day's
     * payments row of a method and cashier is shared by every such sale (every Shopify order, one web shop's
     * system caller), and is locked from here to commit, so it is taken after the stock and the signed invoice
     * rather than before them.
     */
    public void onPaid(@Observes @Priority(OrderPaid.FOLLOW_UP + 100) OrderPaid event) {
        paid(event.order());
    }

    public void onCancel(@Observes OrderCancelled event) {
        OrderSnapshot o = event.order();
        Instant now = Instant.now();
        LocalDate day = dayOf(o.locationId(), now);
        String who = TenantContext.actorName();
        sales(o.locationId(), day, o.channel(), who, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 1, o.total(), 0, BigDecimal.ZERO);
        o.lines().stream().sorted(Comparator.comparingLong(OrderSnapshot.Line::itemId)).forEach(l ->
                item(o.locationId(), day, o.channel(), l.itemId(), BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, l.quantity(), l.base(), l.total()));
        if (o.customerId() != null) {
            customer(o.locationId(), day, o.channel(), o.customerId(), 0, BigDecimal.ZERO, o.total());
        }
        refunds(o.locationId(), day, who, event.refunds());
    }

    public void onReturn(@Observes OrderReturned event) {
        OrderSnapshot o = event.order();
        LocalDate day = dayOf(o.locationId(), Instant.now());
        String who = TenantContext.actorName();
        sales(o.locationId(), day, o.channel(), who, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, BigDecimal.ZERO, 1, event.amount());
        event.lines().stream().sorted(Comparator.comparingLong(OrderReturned.Line::itemId)
                .thenComparingLong(OrderReturned.Line::lineId)).forEach(r ->
                        item(o.locationId(), day, o.channel(), r.itemId(), BigDecimal.ZERO, BigDecimal.ZERO,
                                BigDecimal.ZERO, r.quantity(), r.value(), r.value().add(r.tax())));
        if (o.customerId() != null) {
            customer(o.locationId(), day, o.channel(), o.customerId(), 0, BigDecimal.ZERO, event.amount());
        }
        refunds(o.locationId(), day, who, event.refunds());
    }

    /** The cost of the goods an order took (payment) or gave back (cancellation, return), by the day they moved. */
    public void onCosted(@Observes GoodsCosted event) {
        LocalDate day = dayOf(event.locationId(), event.at());
        event.lines().stream().sorted(Comparator.comparingLong(GoodsCosted.Line::itemId)
                .thenComparingLong(GoodsCosted.Line::lineId)).forEach(l ->
                upsert("insert into rpt_costs_daily (tenant_id, location_id, business_day, channel, item_id, out_cost,"
                                + " back_cost) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                + " on conflict (tenant_id, business_day, location_id, channel, item_id) do update set"
                                + " out_cost = rpt_costs_daily.out_cost + excluded.out_cost,"
                                + " back_cost = rpt_costs_daily.back_cost + excluded.back_cost",
                        event.locationId(), day, event.channel(), l.itemId(),
                        event.back() ? BigDecimal.ZERO : l.cost(), event.back() ? l.cost() : BigDecimal.ZERO));
    }

    private void registered(OrderSnapshot o) {
        LocalDate day = dayOf(o.locationId(), o.registeredAt());
        sales(o.locationId(), day, o.channel(), TenantContext.actorName(), 1, o.total(), o.discountTotal(),
                o.baseTotal(), o.taxTotal(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
        o.lines().stream().sorted(Comparator.comparingLong(OrderSnapshot.Line::itemId)).forEach(l ->
                item(o.locationId(), day, o.channel(), l.itemId(), l.quantity(), l.base(),
                        l.total(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        if (o.customerId() != null) {
            customer(o.locationId(), day, o.channel(), o.customerId(), 1, o.total(), BigDecimal.ZERO);
        }
    }

    /** The payment just taken is the last one of the order (payments are only ever appended). */
    private void paid(OrderSnapshot o) {
        if (!o.payments().isEmpty()) {
            payment(o, o.payments().get(o.payments().size() - 1));
        }
    }

    private void payment(OrderSnapshot o, OrderSnapshot.PaymentLine p) {
        LocalDate day = dayOf(o.locationId(), p.paidAt());
        upsert("insert into rpt_payments_daily (tenant_id, location_id, business_day, method_code, method_kind, cashier,"
                        + " payments, amount, card_fees) values (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8)"
                        + " on conflict (tenant_id, business_day, location_id, method_code, cashier) do update set"
                        + " payments = rpt_payments_daily.payments + 1,"
                        + " amount = rpt_payments_daily.amount + excluded.amount,"
                        + " card_fees = rpt_payments_daily.card_fees + excluded.card_fees",
                o.locationId(), day, p.methodCode(), p.methodKind(), TenantContext.actorName(), p.amount(),
                p.cardFee() == null ? BigDecimal.ZERO : p.cardFee());
    }

    private void refunds(long locationId, LocalDate day, String who, List<OrderCancelled.Refund> refunds) {
        refunds.stream().sorted(Comparator.comparing(OrderCancelled.Refund::methodCode)).forEach(r ->
                upsert("insert into rpt_payments_daily (tenant_id, location_id, business_day, method_code, method_kind,"
                                + " cashier, refunds, refunded) values (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)"
                                + " on conflict (tenant_id, business_day, location_id, method_code, cashier) do update set"
                                + " refunds = rpt_payments_daily.refunds + 1,"
                                + " refunded = rpt_payments_daily.refunded + excluded.refunded",
                        locationId, day, r.methodCode(), r.methodKind(), who, r.amount()));
    }

    private void sales(long locationId, LocalDate day, String channel, String cashier, int orders, BigDecimal gross,
                       BigDecimal discounts, BigDecimal base, BigDecimal tax, int cancelled, BigDecimal cancelledTotal,
                       int returns, BigDecimal returnedTotal) {
        upsert("insert into rpt_sales_daily (tenant_id, location_id, business_day, channel, cashier, orders, gross,"
                        + " discounts, base, tax, cancelled_orders, cancelled_total, returns, returned_total)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                        + " on conflict (tenant_id, business_day, location_id, channel, cashier) do update set"
                        + " orders = rpt_sales_daily.orders + excluded.orders,"
                        + " gross = rpt_sales_daily.gross + excluded.gross,"
                        + " discounts = rpt_sales_daily.discounts + excluded.discounts,"
                        + " base = rpt_sales_daily.base + excluded.base, tax = rpt_sales_daily.tax + excluded.tax,"
                        + " cancelled_orders = rpt_sales_daily.cancelled_orders + excluded.cancelled_orders,"
                        + " cancelled_total = rpt_sales_daily.cancelled_total + excluded.cancelled_total,"
                        + " returns = rpt_sales_daily.returns + excluded.returns,"
                        + " returned_total = rpt_sales_daily.returned_total + excluded.returned_total",
                locationId, day, channel, cashier, orders, gross, discounts, base, tax, cancelled, cancelledTotal,
                returns, returnedTotal);
    }

    private void item(long locationId, LocalDate day, String channel, long itemId, BigDecimal soldQty,
                      BigDecimal soldBase, BigDecimal soldTotal, BigDecimal backQty,
                      BigDecimal backBase, BigDecimal backTotal) {
        upsert("insert into rpt_items_daily (tenant_id, location_id, business_day, channel, item_id, sold_qty,"
                        + " sold_base, sold_total, back_qty, back_base, back_total)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                        + " on conflict (tenant_id, business_day, location_id, channel, item_id) do update set"
                        + " sold_qty = rpt_items_daily.sold_qty + excluded.sold_qty,"
                        + " sold_base = rpt_items_daily.sold_base + excluded.sold_base,"
                        + " sold_total = rpt_items_daily.sold_total + excluded.sold_total,"
                        + " back_qty = rpt_items_daily.back_qty + excluded.back_qty,"
                        + " back_base = rpt_items_daily.back_base + excluded.back_base,"
                        + " back_total = rpt_items_daily.back_total + excluded.back_total",
                locationId, day, channel, itemId, soldQty, soldBase, soldTotal, backQty, backBase,
                backTotal);
    }

    private void customer(long locationId, LocalDate day, String channel, long customerId, int orders,
                          BigDecimal spent, BigDecimal back) {
        upsert("insert into rpt_customers_daily (tenant_id, location_id, business_day, channel, customer_id, orders,"
                        + " spent, back) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " on conflict (tenant_id, business_day, location_id, channel, customer_id) do update set"
                        + " orders = rpt_customers_daily.orders + excluded.orders,"
                        + " spent = rpt_customers_daily.spent + excluded.spent,"
                        + " back = rpt_customers_daily.back + excluded.back",
                locationId, day, channel, customerId, orders, spent, back);
    }

    /** Runs one upsert; the first parameter is always the caller's tenant, the others follow in order. */
    private void upsert(String sql, Object... params) {
        // These tables map to no entity: the shared cache has nothing to drop for them.
        var q = CrossTenantSql.query(em, sql).setFlushMode(FlushModeType.COMMIT)
                .setHint("eclipselink.query.invalidate-shared-cache", Boolean.FALSE)
                .setParameter(1, TenantContext.require().tenantId());
        for (int i = 0; i < params.length; i++) {
            Object v = params[i] instanceof LocalDate d ? Date.valueOf(d) : params[i];
            q.setParameter(i + 2, v);
        }
        q.executeUpdate();
    }

    private LocalDate dayOf(long locationId, Instant at) {
        Location location = em.find(Location.class, locationId);
        return LocalDate.ofInstant(at, location.zone());
    }
}
