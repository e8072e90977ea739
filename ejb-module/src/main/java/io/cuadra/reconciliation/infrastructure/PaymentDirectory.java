package io.cuadra.reconciliation.infrastructure;

import io.cuadra.reconciliation.domain.bank.OpenPayment;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;

/**
 * The orders component's card, transfer and wallet payments as bank matching sees them: payments of
 * live orders not yet in a standing match, each dated on its location's business day. Plain SQL over
 * the orders tables, tenant named explicitly.
 */
@Stateless
public class PaymentDirectory {

    private static final String SELECT = """
            select p.id, o.id, o.number, p.method_kind, p.paid_at, p.amount, o.currency, p.reference,
                   o.customer_name, l.time_zone
            from order_payments p
            join orders o on o.id = p.order_id and o.tenant_id = p.tenant_id
            join locations l on l.id = o.location_id
            where p.tenant_id = ?1 and p.method_kind in ('CARD', 'BANK_TRANSFER', 'MOBILE_WALLET')
              and o.status <> 'CANCELLED'
              and not exists (select 1 from bank_match_payments m
                              where m.tenant_id = ?1 and m.payment_id = p.id and m.active)
            """;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Open payments made between two days (inclusive, a day of margin for zones either side of UTC). */
    public List<OpenPayment> open(long tenantId, LocalDate from, LocalDate to) {
        Query q = CrossTenantSql.query(em, SELECT + " and p.paid_at >= ?2 and p.paid_at < ?3 order by p.paid_at, p.id")
                .setParameter(1, tenantId)
                .setParameter(2, DaySource.timestamp(from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .setParameter(3, DaySource.timestamp(to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC)));
        return read(q.getResultList()).stream().filter(p -> !p.date().isBefore(from) && !p.date().isAfter(to)).toList();
    }

    /** These payments, if they are open; a payment already matched or of a cancelled order is left out. */
    public List<OpenPayment> openByIds(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        List<Long> list = List.copyOf(ids);
        for (int i = 0; i < list.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 2);
        }
        Query q = CrossTenantSql.query(em, SELECT + " and p.id in (" + in + ") order by p.paid_at, p.id")
                .setParameter(1, tenantId);
        for (int i = 0; i < list.size(); i++) {
            q.setParameter(i + 2, list.get(i));
        }
        return read(q.getResultList());
    }

    private static List<OpenPayment> read(List<?> rows) {
        List<OpenPayment> payments = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Instant paidAt = DaySource.instant(r[4]);
            LocalDate day = paidAt.atZone(ZoneId.of((String) r[9])).toLocalDate();
            payments.add(new OpenPayment(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    DaySource.paymentKind((String) r[3]), day,
                    Money.of((BigDecimal) r[5], Currency.getInstance(((String) r[6]).strip())), (String) r[7],
                    (String) r[8], false));
        }
        return payments;
    }
}
