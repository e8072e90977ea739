package io.cuadra.reports.application;

import io.cuadra.shared.demo.DemoData;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * A few months of the demo tenant's past so the charts mean something: counter sales of its services at every
 * location, every day before today, paid by cash, card or Yape (one in forty cancelled), written set-based in
 * a handful of statements (the run command still starts quickly), then the aggregates rebuilt from them. Only
 * where {@code cuadra.demo-history-days} asks for it (the run command: 90); the tests' demo tenant has no past.
 * These past sales have no tax documents, stock moves or audit lines: they exist for the reports.
 */
@Dependent
public class ReportsDemoData implements DemoData {

    private static final Logger LOG = Logger.getLogger(ReportsDemoData.class.getName());

    @Inject
    @ConfigProperty(name = "cuadra.demo-history-days", defaultValue = "0")
    int days;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    AggregateCheck aggregates;

    @Override
    public int order() {
        return 900;
    }

    @Override
    public void load(DemoTenant tenant) {
        if (days <= 0) {
            return;
        }
        em.flush();
        long t0 = System.nanoTime();
        long id = tenant.id();
        exec("create temp table demo_history on commit drop as"
                + " with services as (select row_number() over (order by i.id) - 1 k, i.id, i.code, i.name, i.unit_code,"
                + "   i.price, r.percent, r.affectation_code from items i join tax_rates r on r.id = i.tax_rate_id"
                + "   where i.tenant_id = ?1 and i.type = 'SERVICE' and i.active),"
                + " people as (select row_number() over (order by c.id) - 1 k, c.id from customers c"
                + "   where c.tenant_id = ?1 and c.document_type <> '0'),"
                + " slots as (select l.id location_id, l.code, l.time_zone, d::date as day, n from locations l"
                + "   cross join generate_series((now() at time zone 'America/Lima')::date - " + days + ","
                + "     (now() at time zone 'America/Lima')::date - 1, interval '1 day') d"
                + "   cross join lateral generate_series(1, 10 + 4 * extract(isodow from d)::int"
                + "     + (extract(doy from d)::int * 7 + l.id::int) % 9) n where l.tenant_id = ?1)"
                + " select nextval('cuadra_id_seq') id, nextval('cuadra_id_seq') line_id, nextval('cuadra_id_seq') pay_id,"
                + "  nextval('cuadra_id_seq') history_id, s.location_id, s.code, s.day, s.n,"
                + "  ((s.day + time '08:00') + (s.n * interval '17 minutes')) at time zone s.time_zone registered_at,"
                + "  (array['COUNTER','COUNTER','COUNTER','WHATSAPP','WEB'])[1 + (s.n + extract(doy from s.day)::int) % 5]"
                + "   channel,"
                + "  case when s.n % 2 = 0 then 'cajero@cuadra.demo' else 'supervisor@cuadra.demo' end cashier,"
                + "  (s.n * 7 + extract(doy from s.day)::int) % 40 = 3 cancelled,"
                + "  (array['EFECTIVO','EFECTIVO','VISA','YAPE'])[1 + (s.n + extract(day from s.day)::int) % 4] method,"
                + "  1 + (s.n % 3 = 0)::int qty, v.id item_id, v.code item_code, v.name item_name, v.unit_code, v.price,"
                + "  v.percent, v.affectation_code, p.id customer_id"
                + " from slots s join services v on v.k = (s.n * 5 + extract(doy from s.day)::int) % (select count(*)"
                + "  from services)"
                + " left join people p on s.n % 5 < 2 and p.k = (s.n * 13 + extract(doy from s.day)::int)"
                + "  % greatest(1, (select count(*) from people))", id);
        exec("alter table demo_history add column total numeric(12, 2), add column base numeric(12, 2),"
                + " add column sequence bigint, add column year int", id);
        exec("update demo_history set total = round(price * qty, 2), year = extract(year from day)::int", id);
        exec("update demo_history set base = case when percent > 0 then round(total / (1 + percent / 100), 2)"
                + " else total end", id);
        exec("update demo_history h set sequence = coalesce((select last_number from numbering_counters c where"
                + " c.tenant_id = ?1 and c.counter = 'ORDER' and c.scope = h.location_id || '/' || h.year), 0) + x.rn"
                + " from (select id, row_number() over (partition by location_id, year order by registered_at, id) rn"
                + " from demo_history) x where x.id = h.id", id);
        exec("insert into numbering_counters (tenant_id, counter, scope, last_number, created_by, updated_by)"
                + " select ?1, 'ORDER', location_id || '/' || year, max(sequence), 'system:demo', 'system:demo'"
                + " from demo_history group by location_id, year on conflict (tenant_id, counter, scope) do update"
                + " set last_number = excluded.last_number", id);
        exec("insert into orders (id, tenant_id, number, location_id, year, sequence, customer_id, channel, status,"
                + " payment_status, currency, prices_include_tax, registered_at, paid_at, cancelled_at, cancel_reason,"
                + " subtotal, discount_total, base_total, tax_total, total, paid_total, created_by, updated_by)"
                + " select id, ?1, code || '-' || year || '-' || lpad(sequence::text, 6, '0'), location_id, year, sequence,"
                + " customer_id, channel, case when cancelled then 'CANCELLED' else 'COMPLETED' end,"
                + " case when cancelled then 'PENDING' else 'PAID' end, 'PEN', true, registered_at,"
                + " case when cancelled then null else registered_at + interval '2 minutes' end,"
                + " case when cancelled then registered_at + interval '5 minutes' end,"
                + " case when cancelled then 'Cliente desistió' end, total, 0, base, total - base, total,"
                + " case when cancelled then 0 else total end, cashier, cashier from demo_history", id);
        exec("insert into order_lines (id, tenant_id, order_id, line_number, item_id, item_code, item_name, item_type,"
                + " unit_code, quantity, unit_price, tax_percent, affectation_code, line_discount_total,"
                + " order_discount_share, base, tax, total, unit_value, unit_sale_price, created_by, updated_by)"
                + " select line_id, ?1, id, 1, item_id, item_code, item_name, 'SERVICE', unit_code, qty, price, percent,"
                + " affectation_code, 0, 0, base, total - base, total, round(base / qty, 10), round(total / qty, 10),"
                + " cashier, cashier from demo_history", id);
        exec("insert into order_status_history (id, tenant_id, order_id, from_status, to_status, notes, changed_by,"
                + " changed_at, created_by, updated_by) select history_id, ?1, id, 'REGISTERED', 'CANCELLED',"
                + " 'Cliente desistió', cashier, registered_at + interval '5 minutes', cashier, cashier"
                + " from demo_history where cancelled", id);
        // Card fees as the demo's Niubiz rule has them: 3.99 % + S/ 0.50.
        exec("insert into order_payments (id, tenant_id, order_id, method_id, method_code, method_kind, amount,"
                + " tendered, change_given, reference, paid_at, registered_by, card_provider, card_fee_percent,"
                + " card_fee_fixed, card_fee, net_amount, created_by, updated_by)"
                + " select h.pay_id, ?1, h.id, m.id, m.code, m.kind, h.total, h.total, 0,"
                + " case when m.kind = 'CASH' then null else 'H' || h.id end, h.registered_at + interval '2 minutes',"
                + " h.cashier, m.fee_provider, case when m.kind = 'CARD' then 3.99 end,"
                + " case when m.kind = 'CARD' then 0.50 end,"
                + " case when m.kind = 'CARD' then round(h.total * 0.0399 + 0.50, 2) end,"
                + " h.total - case when m.kind = 'CARD' then round(h.total * 0.0399 + 0.50, 2) else 0 end,"
                + " h.cashier, h.cashier from demo_history h join payment_methods m on m.tenant_id = ?1"
                + " and m.code = h.method where not h.cancelled and h.total > 0", id);
        long orders = ((Number) CrossTenantSql.query(em, "select count(*) from demo_history").getSingleResult())
                .longValue();
        aggregates.rebuild();
        LOG.info(() -> String.format("Demo history: %,d orders over %d days in %.1f s", orders, days,
                (System.nanoTime() - t0) / 1e9));
    }

    private void exec(String sql, long tenant) {
        var q = CrossTenantSql.query(em, sql);
        if (sql.contains("?1")) {
            q.setParameter(1, tenant);
        }
        q.executeUpdate();
    }
}
