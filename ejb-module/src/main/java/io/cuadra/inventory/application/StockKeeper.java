package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.Lot;
import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockBalance;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.inventory.infrastructure.MultiRowSql;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The only writer of the ledger and the balances, always inside the transaction of the operation
 * that moves stock (MANDATORY). Its protocol, which keeps balances equal to the ledger and makes
 * concurrent sales of the last unit queue instead of both succeeding:
 * <ol>
 *   <li>{@link #lock}: the stock level row of every (warehouse, item) involved is created if missing
 *       and locked, in {@link WarehouseItem#LOCK_ORDER} (an upsert per row, in that order, so two
 *       transactions never wait for each other in a circle). Whoever writes balances or moves of an
 *       item in a warehouse holds that row, so the lot balances under it need no lock of their own.</li>
 *   <li>The caller applies moves and reservations through the rules ({@link LockedStock}).</li>
 *   <li>{@link #write}: moves appended with their running balances, balances and levels updated.</li>
 * </ol>
 * Written with native multi-row statements (explicit tenant) because a count of 20,000 lots must
 * not become 60,000 round trips; the ledger and balance rows are therefore not audited row by row —
 * the ledger itself records who moved what, when and why.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class StockKeeper {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /**
     * Locks the levels of {@code items} and of the items of {@code lotKeys}, loads every lot balance of
     * the locked (warehouse, item) pairs, and creates the balance rows of lot keys that had none.
     */
    public LockedStock lock(Collection<WarehouseItem> items, Collection<StockKey> lotKeys) {
        return lockPairs(items, lotKeys, pairs -> MultiRowSql.select(em, BALANCES
                        + " and (b.warehouse_id, b.item_id) in (values ", "(cast({} as bigint), cast({} as bigint))", ")",
                new Object[]{tenant()}, pairs.stream().map(p -> new Object[]{p.warehouseId(), p.itemId()}).toList()));
    }

    /**
     * Locks a whole warehouse for a count: the levels of every item it holds and of the items of
     * {@code lotKeys}, and every lot balance in it (with rows created for {@code lotKeys}).
     */
    @SuppressWarnings("unchecked")
    public LockedStock lockWarehouse(long warehouseId, Collection<StockKey> lotKeys) {
        List<Object> held = CrossTenantSql.query(em,
                        "select item_id from stock_levels where tenant_id = ?1 and warehouse_id = ?2")
                .setParameter(1, tenant()).setParameter(2, warehouseId).getResultList();
        List<WarehouseItem> items = held.stream().map(i -> new WarehouseItem(warehouseId, longOf(i))).toList();
        return lockPairs(items, lotKeys, pairs -> CrossTenantSql.query(em, BALANCES + " and b.warehouse_id = ?2")
                .setParameter(1, tenant()).setParameter(2, warehouseId).getResultList());
    }

    private LockedStock lockPairs(Collection<WarehouseItem> items, Collection<StockKey> lotKeys,
                                  Function<Collection<WarehouseItem>, List<Object[]>> balances) {
        TreeSet<WarehouseItem> pairs = new TreeSet<>(WarehouseItem.LOCK_ORDER);
        pairs.addAll(items);
        lotKeys.forEach(k -> pairs.add(new WarehouseItem(k.warehouseId(), k.itemId())));
        LockedStock stock = new LockedStock();
        if (!pairs.isEmpty()) {
            lockLevels(stock, pairs);
            loadBalances(stock, balances.apply(pairs));
            include(stock, lotKeys);
        }
        return stock;
    }

    /**
     * Adds lot balances to stock already locked (a transfer learns its destination lots only once it
     * has picked them at the source); their items must be locked in that warehouse already.
     */
    public void include(LockedStock stock, Collection<StockKey> lotKeys) {
        List<StockKey> missing = lotKeys.stream().distinct().filter(k -> stock.lot(k).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(k -> stock.level(k.warehouseId(), k.itemId()));
        createBalances(missing);
        loadBalances(stock, MultiRowSql.select(em, BALANCES + " and (b.warehouse_id, b.lot_id) in (values ",
                "(cast({} as bigint), cast({} as bigint))", ")", new Object[]{tenant()},
                missing.stream().map(k -> new Object[]{k.warehouseId(), k.lotId()}).toList()));
    }

    /** Appends the moves and reservations applied to {@code stock} and updates the rows they changed. */
    public void write(LockedStock stock) {
        Actor actor = TenantContext.require();
        Object[] fixed = {actor.tenantId(), actor.name(), Timestamp.from(Instant.now()), actor.userId()};
        List<Object[]> moves = new ArrayList<>();
        for (LockedStock.Pending m : stock.moves) {
            MoveReference ref = m.reference();
            moves.add(new Object[]{m.move().key().warehouseId(), m.move().key().itemId(), m.move().key().lotId(),
                    m.lineNo(), m.type().name(), m.move().quantity().value(), m.balanceAfter().value(),
                    m.lotBalanceAfter().value(), m.unitCost().amount(), m.unitCost().currency().getCurrencyCode(),
                    ref.type().name(), ref.id(), ref.lineId(), m.reason()});
        }
        MultiRowSql.execute(em, "insert into stock_moves (id, tenant_id, warehouse_id, item_id, lot_id, line_no, type, "
                        + "quantity, balance_after, lot_balance_after, unit_cost, currency, reference_type, reference_id, "
                        + "reference_line_id, reason, moved_at, user_id, created_by, updated_by) values ",
                "(nextval('cuadra_id_seq'), ?1, cast({} as bigint), cast({} as bigint), cast({} as bigint), "
                        + "cast({} as bigint), cast({} as varchar), cast({} as numeric), cast({} as numeric), "
                        + "cast({} as numeric), cast({} as numeric), cast({} as varchar), cast({} as varchar), "
                        + "cast({} as bigint), cast({} as bigint), cast({} as varchar), cast(?3 as timestamptz), "
                        + "cast(?4 as bigint), ?2, ?2)", "", fixed, moves);

        List<Object[]> lots = new ArrayList<>();
        stock.lots.values().stream().filter(r -> r.dirty)
                .forEach(r -> lots.add(new Object[]{r.id, r.stock.onHand().value()}));
        MultiRowSql.execute(em, "update stock_balances as b set on_hand = v.q, updated_at = now(), updated_by = ?1, "
                        + "version = b.version + 1 from (values ", "(cast({} as bigint), cast({} as numeric))",
                ") as v(id, q) where b.id = v.id", new Object[]{actor.name()}, lots);

        List<Object[]> levels = new ArrayList<>();
        stock.levels.values().stream().filter(l -> l.dirty).forEach(l -> levels.add(new Object[]{l.id,
                l.balance.onHand().value(), l.balance.reserved().value(), l.lastLine}));
        MultiRowSql.execute(em, "update stock_levels as s set on_hand = v.q, reserved = v.r, last_line = v.n, "
                        + "updated_at = now(), updated_by = ?1, version = s.version + 1 from (values ",
                "(cast({} as bigint), cast({} as numeric), cast({} as numeric), cast({} as bigint))",
                ") as v(id, q, r, n) where s.id = v.id", new Object[]{actor.name()}, levels);

        List<Object[]> held = new ArrayList<>();
        for (LockedStock.Reservation r : stock.reservations) {
            held.add(new Object[]{r.orderLine().id(), r.orderLine().lineId(), r.warehouseId(), r.itemId(),
                    r.quantity().value()});
        }
        MultiRowSql.execute(em, "insert into stock_reservations (id, tenant_id, order_id, order_line_id, warehouse_id, "
                        + "item_id, quantity, status, created_by, updated_by) values ",
                "(nextval('cuadra_id_seq'), ?1, cast({} as bigint), cast({} as bigint), cast({} as bigint), "
                        + "cast({} as bigint), cast({} as numeric), 'OPEN', ?2, ?2)", "",
                new Object[]{actor.tenantId(), actor.name()}, held);
        stock.moves.clear();
        stock.reservations.clear();
        stock.lots.values().forEach(r -> r.dirty = false);
        stock.levels.values().forEach(l -> l.dirty = false);
    }

    private void lockLevels(LockedStock stock, Collection<WarehouseItem> sortedPairs) {
        List<Object[]> rows = sortedPairs.stream().map(p -> new Object[]{p.warehouseId(), p.itemId()}).toList();
        List<Object[]> locked = MultiRowSql.select(em, "insert into stock_levels as s (id, tenant_id, warehouse_id, "
                        + "item_id, created_by, updated_by) values ",
                "(nextval('cuadra_id_seq'), ?1, cast({} as bigint), cast({} as bigint), ?2, ?2)",
                " on conflict (warehouse_id, item_id) do update set version = s.version "
                        + "returning s.id, s.warehouse_id, s.item_id, s.on_hand, s.reserved, s.last_line",
                new Object[]{tenant(), TenantContext.actorName()}, rows);
        for (Object[] r : locked) {
            stock.levels.put(new WarehouseItem(longOf(r[1]), longOf(r[2])), new LockedStock.Level(longOf(r[0]),
                    new StockBalance(Quantity.of((BigDecimal) r[3]), Quantity.of((BigDecimal) r[4])), longOf(r[5])));
        }
    }

    private void createBalances(Collection<StockKey> lotKeys) {
        TreeSet<StockKey> sorted = new TreeSet<>(BALANCE_ORDER);
        sorted.addAll(lotKeys);
        List<Object[]> rows = sorted.stream().map(k -> new Object[]{k.warehouseId(), k.itemId(), k.lotId()}).toList();
        MultiRowSql.execute(em, "insert into stock_balances (id, tenant_id, warehouse_id, item_id, lot_id, created_by, "
                        + "updated_by) values ",
                "(nextval('cuadra_id_seq'), ?1, cast({} as bigint), cast({} as bigint), cast({} as bigint), ?2, ?2)",
                " on conflict (warehouse_id, lot_id) do nothing", new Object[]{tenant(), TenantContext.actorName()},
                rows);
    }

    private static final java.util.Comparator<StockKey> BALANCE_ORDER = java.util.Comparator
            .comparingLong(StockKey::warehouseId).thenComparingLong(StockKey::lotId);

    private static final String BALANCES = "select b.id, b.warehouse_id, b.item_id, b.lot_id, b.on_hand, l.code, "
            + "l.expires_on, l.received_on, l.unit_cost, l.currency from stock_balances b "
            + "join inventory_lots l on l.id = b.lot_id where b.tenant_id = ?1";

    private static void loadBalances(LockedStock stock, List<Object[]> rows) {
        for (Object[] r : rows) {
            if (stock.lots.containsKey(new StockKey(longOf(r[1]), longOf(r[2]), longOf(r[3])))) {
                continue;
            }
            long warehouseId = longOf(r[1]);
            Lot lot = new Lot(longOf(r[3]), longOf(r[2]), (String) r[5], localDate(r[6]), localDate(r[7]),
                    new UnitCost((BigDecimal) r[8], Currency.getInstance(((String) r[9]).strip())));
            LotStock lotStock = new LotStock(lot, warehouseId, Quantity.of((BigDecimal) r[4]));
            stock.lots.put(lotStock.key(), new LockedStock.LotRow(longOf(r[0]), lotStock));
        }
    }

    /** Every quantity of these lot keys now on hand, summed over warehouses (for averaging a lot's cost). */
    public Map<Long, Quantity> heldByLot(Collection<Long> lotIds) {
        Map<Long, Quantity> held = new java.util.HashMap<>();
        if (lotIds.isEmpty()) {
            return held;
        }
        List<Object[]> rows = MultiRowSql.select(em, "select b.lot_id, sum(b.on_hand) from stock_balances b "
                        + "where b.tenant_id = ?1 and b.lot_id in (", "cast({} as bigint)", ") group by b.lot_id",
                new Object[]{tenant()}, lotIds.stream().distinct().map(id -> new Object[]{id}).toList());
        rows.forEach(r -> held.put(longOf(r[0]), Quantity.of((BigDecimal) r[1])));
        return held;
    }

    /** The open reservations of an order: warehouse, item and quantity of each. */
    public List<OpenReservation> openReservations(long orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select warehouse_id, item_id, quantity from stock_reservations "
                        + "where tenant_id = ?1 and order_id = ?2 and status = 'OPEN' order by id")
                .setParameter(1, tenant()).setParameter(2, orderId).getResultList();
        return rows.stream().map(r -> new OpenReservation(longOf(r[0]), longOf(r[1]), Quantity.of((BigDecimal) r[2])))
                .toList();
    }

    /** Closes the open reservations of an order as CONSUMED (paid) or RELEASED (cancelled). */
    public void closeReservations(long orderId, String status) {
        CrossTenantSql.query(em, "update stock_reservations set status = ?3, closed_at = now(), updated_at = now(), "
                        + "updated_by = ?4, version = version + 1 where tenant_id = ?1 and order_id = ?2 and status = 'OPEN'")
                .setParameter(1, tenant()).setParameter(2, orderId).setParameter(3, status)
                .setParameter(4, TenantContext.actorName()).executeUpdate();
    }

    public record OpenReservation(long warehouseId, long itemId, Quantity quantity) {
    }

    private static long tenant() {
        return TenantContext.require().tenantId();
    }

    static long longOf(Object o) {
        return ((Number) o).longValue();
    }

    static LocalDate localDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }
}
