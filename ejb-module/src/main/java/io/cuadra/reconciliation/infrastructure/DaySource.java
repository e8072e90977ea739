package io.cuadra.reconciliation.infrastructure;

import io.cuadra.reconciliation.domain.closure.ClosureDay;
import io.cuadra.reconciliation.domain.closure.ClosureDocument;
import io.cuadra.reconciliation.domain.closure.ClosureOrder;
import io.cuadra.reconciliation.domain.closure.ClosurePayment;
import io.cuadra.reconciliation.domain.closure.ClosureRefund;
import io.cuadra.reconciliation.domain.closure.OrderStatus;
import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.reconciliation.domain.closure.PaymentStatus;
import io.cuadra.reconciliation.domain.closure.SalesDocumentType;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a location's business day from the orders and billing components' tables, a page at a time
 * in the order of an index ((registered_at, id) for the orders registered that day, id for older
 * orders whose money or documents moved that day, (issued_at, id) for documents), so a closure job
 * walks 100,000 orders without sorting them again per chunk. Each order comes with all its payments
 * and refunds, dated, and what was billed for it before the day: the rule core decides what of it
 * belongs to the day. Plain SQL for speed; every
 * statement names the tenant explicitly. Their codes are mapped to the reconciliation rule core's.
 */
@Stateless
public class DaySource {

    // Orders registered in the day, in the order of the (registered_at, id) index.
    private static final String REGISTERED = """
            select o.id, o.number, o.status, o.payment_status, o.total, o.registered_at, o.cancelled_at
            from orders o
            where o.tenant_id = ?1 and o.location_id = ?2 and o.registered_at >= ?3 and o.registered_at < ?4
              and (o.registered_at, o.id) > (?5, ?6)
            order by o.registered_at, o.id
            limit ?7""";

    // Older orders whose money or documents moved in the day (an instalment, a cancellation, a refund, a
    // credit note), by id. Few on a normal day; each source is read through its own time index.
    private static final String MOVED = """
            select o.id, o.number, o.status, o.payment_status, o.total, o.registered_at, o.cancelled_at
            from orders o
            where o.tenant_id = ?1 and o.location_id = ?2 and o.registered_at < ?3 and o.id > ?6
              and o.id in (
                select p.order_id from order_payments p where p.tenant_id = ?1 and p.paid_at >= ?3 and p.paid_at < ?4
                union select r.order_id from order_refunds r
                      where r.tenant_id = ?1 and r.refunded_at >= ?3 and r.refunded_at < ?4
                union select c.id from orders c
                      where c.tenant_id = ?1 and c.location_id = ?2 and c.cancelled_at >= ?3 and c.cancelled_at < ?4
                %s)
            order by o.id
            limit ?7""";

    private static final String MOVED_BY_DOCUMENTS = """
                union select d.order_id from billing_documents d
                      where d.tenant_id = ?1 and d.location_id = ?2 and d.issued_at >= ?3 and d.issued_at < ?4
                        and d.order_id is not null and d.status <> 'REJECTED'""";

    // The details of a page of orders, by the ids of the page (passed as one text parameter).
    private static final String PAYMENTS = """
            select p.order_id, p.id, p.method_code, p.method_kind, p.amount, p.tendered, p.change_given, p.reference,
                   p.paid_at
            from order_payments p
            where p.tenant_id = ?1 and p.order_id = any(string_to_array(?2, ',')::bigint[])
            order by p.order_id, p.id""";

    private static final String REFUNDS = """
            select r.order_id, r.id, r.method_code, r.method_kind, r.amount, r.refunded_at
            from order_refunds r
            where r.tenant_id = ?1 and r.order_id = any(string_to_array(?2, ',')::bigint[])
            order by r.order_id, r.id""";

    private static final String BILLED_BEFORE = """
            select d.order_id,
                   count(*) filter (where d.kind not in ('CREDIT_NOTE', 'AVOIR', 'CREDIT_SLIP')),
                   coalesce(sum(d.total_amount) filter (where d.kind not in ('CREDIT_NOTE', 'AVOIR', 'CREDIT_SLIP')), 0),
                   coalesce(sum(d.total_amount) filter (where d.kind in ('CREDIT_NOTE', 'AVOIR', 'CREDIT_SLIP')), 0)
            from billing_documents d
            where d.tenant_id = ?1 and d.order_id = any(string_to_array(?2, ',')::bigint[]) and d.issued_at < ?3
              and d.status <> 'REJECTED'
            group by d.order_id""";

    private static final String DOCUMENTS = """
            select d.id, d.kind, d.display_number, d.order_id, d.total_amount, d.issued_at
            from billing_documents d
            where d.tenant_id = ?1 and d.location_id = ?2 and d.issued_at >= ?3 and d.issued_at < ?4
              and (d.issued_at, d.id) > (?5, ?6) and d.status <> 'REJECTED'
            order by d.issued_at, d.id
            limit ?7""";

    /** Where a page ended: the index key of its last row. The first page starts before everything. */
    public record Position(Instant at, long id) implements Serializable {
        public static final Position START = new Position(Instant.EPOCH, 0);
    }

    /** A page of items with the index key of each, in the same order. */
    public record Page<T>(List<T> items, List<Position> keys) {
        public Position last() {
            return keys.get(keys.size() - 1);
        }
    }

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Orders registered in the day, with everything the closure needs to judge them. */
    public Page<ClosureOrder> orders(long tenantId, ClosureDay day, Position after, int limit) {
        List<?> rows = CrossTenantSql.query(em, REGISTERED)
                .setParameter(1, tenantId).setParameter(2, day.locationId())
                .setParameter(3, timestamp(day.start())).setParameter(4, timestamp(day.end()))
                .setParameter(5, timestamp(after.at())).setParameter(6, after.id()).setParameter(7, limit)
                .getResultList();
        return detailed(tenantId, day, rows, false);
    }

    /**
     * Orders registered before the day whose money or documents moved in it, a page at a time by id
     * (the position's instant is not used).
     */
    public Page<ClosureOrder> movedOrders(long tenantId, ClosureDay day, Position after, int limit) {
        String sql = MOVED.formatted(billingInstalled() ? MOVED_BY_DOCUMENTS : "");
        List<?> rows = CrossTenantSql.query(em, sql)
                .setParameter(1, tenantId).setParameter(2, day.locationId())
                .setParameter(3, timestamp(day.start())).setParameter(4, timestamp(day.end()))
                .setParameter(6, after.id()).setParameter(7, limit)
                .getResultList();
        return detailed(tenantId, day, rows, true);
    }

    private Page<ClosureOrder> detailed(long tenantId, ClosureDay day, List<?> rows, boolean byId) {
        if (rows.isEmpty()) {
            return new Page<>(List.of(), List.of());
        }
        Currency currency = day.currency();
        ZoneId zone = day.zone();
        String ids = rows.stream().map(r -> String.valueOf(((Number) ((Object[]) r)[0]).longValue()))
                .collect(Collectors.joining(","));
        Map<Long, List<ClosurePayment>> payments = new HashMap<>();
        for (Object row : CrossTenantSql.query(em, PAYMENTS).setParameter(1, tenantId).setParameter(2, ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            payments.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(payment(r, currency, zone));
        }
        Map<Long, List<ClosureRefund>> refunds = new HashMap<>();
        for (Object row : CrossTenantSql.query(em, REFUNDS).setParameter(1, tenantId).setParameter(2, ids)
                .getResultList()) {
            Object[] r = (Object[]) row;
            refunds.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new ClosureRefund(
                    ((Number) r[1]).longValue(), (String) r[2], paymentKind((String) r[3]), money(r[4], currency),
                    ClosureDay.dayOf(instant(r[5]), zone)));
        }
        Map<Long, ClosureOrder.EarlierBilling> billed = new HashMap<>();
        if (billingInstalled()) {
            for (Object row : CrossTenantSql.query(em, BILLED_BEFORE).setParameter(1, tenantId).setParameter(2, ids)
                    .setParameter(3, timestamp(day.start())).getResultList()) {
                Object[] r = (Object[]) row;
                billed.put(((Number) r[0]).longValue(), new ClosureOrder.EarlierBilling(((Number) r[1]).intValue(),
                        money(r[2], currency), money(r[3], currency)));
            }
        }
        List<ClosureOrder> orders = new ArrayList<>(rows.size());
        List<Position> keys = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            Instant registered = instant(r[5]);
            orders.add(new ClosureOrder(id, (String) r[1], day.locationCode(), ClosureDay.dayOf(registered, zone),
                    orderStatus((String) r[2]), money(r[4], currency), paymentStatus((String) r[3]),
                    payments.getOrDefault(id, List.of()), refunds.getOrDefault(id, List.of()),
                    r[6] == null ? null : ClosureDay.dayOf(instant(r[6]), zone), billed.get(id)));
            keys.add(byId ? new Position(Instant.EPOCH, id) : new Position(registered, id));
        }
        return new Page<>(orders, keys);
    }

    /**
     * Invoices, receipts and credit notes issued at the location that day. Documents SUNAT rejected
     * were never registered and do not count; a document voided later by a credit note (CANCELLED)
     * stays registered on its day, and the credit note counts on its own day. While the billing component's
     * table does not exist yet, a day simply has no documents.
     */
    public Page<ClosureDocument> documents(long tenantId, ClosureDay day, Position after, int limit) {
        if (!billingInstalled()) {
            return new Page<>(List.of(), List.of());
        }
        List<?> rows = CrossTenantSql.query(em, DOCUMENTS)
                .setParameter(1, tenantId).setParameter(2, day.locationId())
                .setParameter(3, timestamp(day.start())).setParameter(4, timestamp(day.end()))
                .setParameter(5, timestamp(after.at())).setParameter(6, after.id()).setParameter(7, limit)
                .getResultList();
        List<ClosureDocument> documents = new ArrayList<>(rows.size());
        List<Position> keys = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            documents.add(new ClosureDocument(id, documentType((String) r[1]), (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(), money(r[4], day.currency()),
                    day.businessDate(), day.locationCode()));
            keys.add(new Position(instant(r[5]), id));
        }
        return new Page<>(documents, keys);
    }

    boolean billingInstalled() {
        Object found = CrossTenantSql.query(em, "select to_regclass('billing_documents') is not null").getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    private static ClosurePayment payment(Object[] r, Currency currency, ZoneId zone) {
        long id = ((Number) r[1]).longValue();
        PaymentKind kind = paymentKind((String) r[3]);
        Money amount = money(r[4], currency);
        LocalDate on = ClosureDay.dayOf(instant(r[8]), zone);
        if (kind == PaymentKind.CASH) {
            return new ClosurePayment(id, (String) r[2], kind, amount, money(r[5], currency), money(r[6], currency),
                    (String) r[7], on);
        }
        return new ClosurePayment(id, (String) r[2], kind, amount, null, null, (String) r[7], on);
    }

    static OrderStatus orderStatus(String status) {
        return switch (status) {
            case "COMPLETED", "PARTIALLY_RETURNED", "RETURNED" -> OrderStatus.COMPLETED;
            case "CANCELLED" -> OrderStatus.CANCELLED;
            default -> OrderStatus.OPEN;
        };
    }

    static PaymentStatus paymentStatus(String status) {
        return switch (status) {
            case "PAID" -> PaymentStatus.PAID;
            case "PARTIAL" -> PaymentStatus.PARTIALLY_PAID;
            default -> PaymentStatus.UNPAID;
        };
    }

    public static PaymentKind paymentKind(String kind) {
        return switch (kind) {
            case "CASH" -> PaymentKind.CASH;
            case "CARD" -> PaymentKind.CARD;
            case "BANK_TRANSFER" -> PaymentKind.TRANSFER;
            case "MOBILE_WALLET" -> PaymentKind.WALLET;
            default -> PaymentKind.OTHER;
        };
    }

    static SalesDocumentType documentType(String kind) {
        return switch (kind) {
            case "FACTURA", "FACTURE" -> SalesDocumentType.INVOICE;
            case "BOLETA", "RECEIPT" -> SalesDocumentType.RECEIPT;
            case "CREDIT_NOTE", "AVOIR", "CREDIT_SLIP" -> SalesDocumentType.CREDIT_NOTE;
            default -> throw new IllegalArgumentException("Unknown billing document kind " + kind);
        };
    }

    private static Money money(Object value, Currency currency) {
        return Money.of((BigDecimal) value, currency);
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value);
    }
}
