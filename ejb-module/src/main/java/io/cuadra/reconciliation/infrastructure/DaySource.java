package io.cuadra.reconciliation.infrastructure;

import io.cuadra.reconciliation.domain.ClosureDay;
import io.cuadra.reconciliation.domain.ClosureDocument;
import io.cuadra.reconciliation.domain.ClosureOrder;
import io.cuadra.reconciliation.domain.ClosurePayment;
import io.cuadra.reconciliation.domain.OrderStatus;
import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.reconciliation.domain.PaymentStatus;
import io.cuadra.reconciliation.domain.SalesDocumentType;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Reads a location's business day from the orders and billing components' tables, a page at a time
 * in the order of an index ((registered_at, id) for orders, (issued_at, id) for documents), so a
 * closure job walks 100,000 orders without sorting them again per chunk. Plain SQL for speed; every
 * statement names the tenant explicitly. Their codes are mapped to the reconciliation rule core's.
 */
@Stateless
public class DaySource {

    // The payments are looked up per order of the page (lateral, kept from being flattened by "offset 0"):
    // as a plain join the planner prefers hashing every payment of the tenant, once per page.
    private static final String ORDERS = """
            with page as (
                select o.id, o.number, o.status, o.payment_status, o.total, o.registered_at
                from orders o
                where o.tenant_id = ?1 and o.location_id = ?2 and o.registered_at >= ?3 and o.registered_at < ?4
                  and (o.registered_at, o.id) > (?5, ?6)
                order by o.registered_at, o.id
                limit ?7)
            select page.id, page.number, page.status, page.payment_status, page.total, page.registered_at,
                   p.id, p.method_code, p.method_kind, p.amount, p.tendered, p.change_given, p.reference
            from page left join lateral (
                select p.id, p.method_code, p.method_kind, p.amount, p.tendered, p.change_given, p.reference
                from order_payments p
                where p.order_id = page.id and p.tenant_id = ?1
                offset 0) p on true
            order by page.registered_at, page.id, p.id""";

    private static final String DOCUMENTS = """
            select d.id, d.kind, d.display_number, d.order_id, d.total_amount, d.issued_at
            from billing_documents d
            where d.tenant_id = ?1 and d.location_id = ?2 and d.issued_at >= ?3 and d.issued_at < ?4
              and (d.issued_at, d.id) > (?5, ?6) and d.status not in ('REJECTED', 'CANCELLED')
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

    public Page<ClosureOrder> orders(long tenantId, ClosureDay day, Position after, int limit) {
        List<?> rows = CrossTenantSql.query(em, ORDERS)
                .setParameter(1, tenantId).setParameter(2, day.locationId())
                .setParameter(3, timestamp(day.start())).setParameter(4, timestamp(day.end()))
                .setParameter(5, timestamp(after.at())).setParameter(6, after.id()).setParameter(7, limit)
                .getResultList();
        Currency currency = day.currency();
        List<ClosureOrder> orders = new ArrayList<>();
        List<Position> keys = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Object[] head = (Object[]) rows.get(i);
            long id = ((Number) head[0]).longValue();
            List<ClosurePayment> payments = new ArrayList<>();
            for (; i < rows.size() && ((Number) ((Object[]) rows.get(i))[0]).longValue() == id; i++) {
                Object[] r = (Object[]) rows.get(i);
                if (r[6] != null) {
                    payments.add(payment(r, currency));
                }
            }
            orders.add(new ClosureOrder(id, (String) head[1], day.locationCode(), day.businessDate(),
                    orderStatus((String) head[2]), money(head[4], currency), paymentStatus((String) head[3]), payments));
            keys.add(new Position(instant(head[5]), id));
        }
        return new Page<>(orders, keys);
    }

    /**
     * Invoices, receipts and credit notes issued at the location that day. Documents SUNAT rejected
     * or that were voided were never registered and do not count. While the billing component's
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

    private static ClosurePayment payment(Object[] r, Currency currency) {
        long id = ((Number) r[6]).longValue();
        PaymentKind kind = paymentKind((String) r[8]);
        Money amount = money(r[9], currency);
        if (kind == PaymentKind.CASH) {
            return new ClosurePayment(id, (String) r[7], kind, amount, money(r[10], currency), money(r[11], currency),
                    (String) r[12]);
        }
        return ClosurePayment.of(id, (String) r[7], kind, amount, (String) r[12]);
    }

    static OrderStatus orderStatus(String status) {
        return switch (status) {
            case "COMPLETED" -> OrderStatus.COMPLETED;
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
            case "BOLETA" -> SalesDocumentType.RECEIPT;
            case "CREDIT_NOTE", "AVOIR" -> SalesDocumentType.CREDIT_NOTE;
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
