package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.domain.CostOfGoodsSold;
import io.cuadra.inventory.domain.FefoPicker;
import io.cuadra.inventory.domain.InventorySettings;
import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.LotTake;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.PickRequest;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.RecordedMove;
import io.cuadra.inventory.domain.StockAlerts;
import io.cuadra.inventory.domain.StockDemand;
import io.cuadra.inventory.domain.StockItem;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockMove;
import io.cuadra.inventory.domain.StockMoveType;
import io.cuadra.inventory.domain.StockPick;
import io.cuadra.inventory.domain.StockPolicy;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.inventory.domain.WastageReason;
import io.cuadra.inventory.events.GoodsCosted;
import io.cuadra.inventory.events.StockBelowCritical;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderRegistered;
import io.cuadra.orders.events.OrderReturned;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What orders do to stock, observed synchronously inside the order's own transaction (an exception
 * here rolls the registration, payment or cancellation back):
 * <ul>
 *   <li>registered: reserves its goods when the tenant asks for reservations;</li>
 *   <li>fully paid: takes its goods out of the location's default warehouse — FEFO over the sellable
 *       lots, or the lot the cashier chose; kits take their components, services nothing — and
 *       stores each line's cost of goods sold from the lots consumed;</li>
 *   <li>cancelled: a paid order's goods go back into the very lots they left (RETURN moves); an
 *       unpaid order's reservation is released.</li>
 * </ul>
 */
@Stateless
public class SaleStock {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    StockKeeper keeper;

    @EJB
    StockCatalog catalog;

    @EJB
    WarehouseService warehouses;

    @EJB
    InventorySettingsService settings;

    @EJB
    LotService lots;

    @EJB
    StockOperations operations;

    @Inject
    Event<GoodsCosted> costed;

    @Inject
    Event<StockBelowCritical> belowCritical;

    public void reserveOnRegistration(@Observes OrderRegistered event) {
        OrderSnapshot order = event.order();
        Map<OrderSnapshot.Line, List<StockDemand>> demands = demands(order);
        if (demands.isEmpty() || !settings.current().isReserveOnRegister()) {
            return;
        }
        long warehouseId = warehouses.defaultOf(order.locationId()).getId();
        LockedStock stock = keeper.lock(pairs(warehouseId, demands), List.of());
        demands.forEach((line, goods) -> goods.forEach(d -> stock.reserve(warehouseId, d.itemId(), d.quantity(),
                MoveReference.line(MoveReference.Type.ORDER, order.orderId(), line.lineId()))));
        keeper.write(stock);
        // A reservation lowers what is available as much as a sale does: the crossing is seen here then.
        Set<Long> itemIds = new HashSet<>();
        demands.values().forEach(goods -> goods.forEach(d -> itemIds.add(d.itemId())));
        warnBelowCritical(order, catalog.items(itemIds), demands, List.of());
    }

    public void takeOnPayment(@Observes @Priority(OrderPaid.STOCK) OrderPaid event) {
        OrderSnapshot order = event.order();
        Map<OrderSnapshot.Line, List<StockDemand>> demands = demands(order);
        if (demands.isEmpty() || alreadyTaken(order.orderId())) {
            return;
        }
        InventorySettings tenantSettings = settings.current();
        StockPolicy policy = tenantSettings.policy();
        long warehouseId = warehouses.defaultOf(order.locationId()).getId();
        LocalDate businessDate = businessDate(order);

        Set<Long> itemIds = new HashSet<>();
        demands.values().forEach(goods -> goods.forEach(d -> itemIds.add(d.itemId())));
        Map<Long, Item> items = catalog.items(itemIds);
        Map<Long, StockKey> implicitLots = new HashMap<>();
        Set<StockKey> keys = new HashSet<>();
        for (Item item : items.values()) {
            if (!StockCatalog.lotTracked(item)) {
                StockKey key = new StockKey(warehouseId, item.getId(), lots.implicitLot(item.getId()).getId());
                implicitLots.put(item.getId(), key);
                keys.add(key);
            }
        }
        Map<OrderSnapshot.Line, Long> chosenLots = new HashMap<>();
        demands.forEach((line, goods) -> {
            if (line.lotId() != null && goods.size() == 1 && goods.get(0).itemId() == line.itemId()
                    && StockCatalog.lotTracked(items.get(line.itemId()))) {
                lots.ofItem(line.lotId(), line.itemId());
                chosenLots.put(line, line.lotId());
                keys.add(new StockKey(warehouseId, line.itemId(), line.lotId()));
            }
        });
        List<StockKeeper.OpenReservation> reserved = keeper.openReservations(order.orderId());
        Set<WarehouseItem> pairs = new HashSet<>(pairs(warehouseId, demands));
        reserved.forEach(r -> pairs.add(new WarehouseItem(r.warehouseId(), r.itemId())));

        LockedStock stock = keeper.lock(pairs, keys);
        // The order's own reservation is given back first, then its goods are taken like any sale's.
        reserved.forEach(r -> stock.release(r.warehouseId(), r.itemId(), r.quantity()));
        FefoPicker picker = new FefoPicker(policy);
        Map<OrderSnapshot.Line, List<LotTake>> takesByLine = new LinkedHashMap<>();
        demands.forEach((line, goods) -> {
            for (StockDemand demand : goods) {
                StockItem item = StockCatalog.stockItem(items.get(demand.itemId()));
                PickRequest request = new PickRequest(item, warehouseId, demand.quantity(), businessDate,
                        item.lotTracked() ? chosenLots.get(line) : null);
                List<LotStock> candidates = item.lotTracked() ? stock.lotsOf(warehouseId, item.id())
                        : List.of(stock.lot(implicitLots.get(item.id())).orElseThrow());
                StockPick pick = picker.pick(request, candidates);
                for (LotTake take : pick.takes()) {
                    stock.apply(take.outOf(warehouseId), take.lot().unitCost(),
                            MoveReference.line(MoveReference.Type.ORDER, order.orderId(), line.lineId()), null, policy);
                }
                takesByLine.computeIfAbsent(line, l -> new ArrayList<>()).addAll(pick.takes());
            }
        });
        keeper.write(stock);
        if (!reserved.isEmpty()) {
            keeper.closeReservations(order.orderId(), "CONSUMED");
        }
        recordCosts(order, takesByLine);
        warnBelowCritical(order, items, demands, reserved);
    }

    /**
     * Fires {@link StockBelowCritical} for each item this sale took below its critical level at the location
     * (available before = after + taken − the order's own reservation given back), so the warning commits
     * with the sale.
     */
    private void warnBelowCritical(OrderSnapshot order, Map<Long, Item> items,
                                   Map<OrderSnapshot.Line, List<StockDemand>> demands,
                                   List<StockKeeper.OpenReservation> reserved) {
        Map<Long, Quantity> change = new HashMap<>();
        demands.values().forEach(goods -> goods.forEach(d -> change.merge(d.itemId(), d.quantity(), Quantity::plus)));
        reserved.forEach(r -> change.merge(r.itemId(), r.quantity().negate(), Quantity::plus));
        List<Long> watched = change.keySet().stream()
                .filter(id -> items.get(id) != null && items.get(id).getCriticalStock() != null).toList();
        if (watched.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select s.item_id, sum(s.on_hand - s.reserved) from stock_levels s"
                        + " join warehouses w on w.id = s.warehouse_id where s.tenant_id = ?1 and w.location_id = ?2"
                        + " and s.item_id in (" + watched.stream().map(String::valueOf).collect(Collectors.joining(","))
                        + ") group by s.item_id")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, order.locationId())
                .getResultList();
        for (Object[] r : rows) {
            Item item = items.get(StockKeeper.longOf(r[0]));
            Quantity after = Quantity.of((BigDecimal) r[1]);
            Quantity critical = Quantity.of(item.getCriticalStock());
            if (StockAlerts.crossedBelowCritical(critical, after.plus(change.get(item.getId())), after)) {
                belowCritical.fire(new StockBelowCritical(order.locationId(), order.locationCode(), item.getId(),
                        item.getCode(), item.getName(), after.value(), critical.value()));
            }
        }
    }

    public void giveBackOnCancellation(@Observes OrderCancelled event) {
        OrderSnapshot order = event.order();
        if (event.wasPaid()) {
            returnGoods(order, event.reason());
            return;
        }
        List<StockKeeper.OpenReservation> reserved = keeper.openReservations(order.orderId());
        if (reserved.isEmpty()) {
            return;
        }
        LockedStock stock = keeper.lock(reserved.stream().map(r -> new WarehouseItem(r.warehouseId(), r.itemId()))
                .toList(), List.of());
        reserved.forEach(r -> stock.release(r.warehouseId(), r.itemId(), r.quantity()));
        keeper.write(stock);
        keeper.closeReservations(order.orderId(), "RELEASED");
    }

    /**
     * Goods of a paid sale came back by line and quantity: each line's share of what it took (a kit's
     * components in proportion) goes back into the lots it left from, at the cost it left with; what
     * came back damaged is then written off those lots as wastage.
     */
    public void takeBackOnReturn(@Observes OrderReturned event) {
        OrderSnapshot order = event.order();
        List<RecordedMove> moves = movesOf(order.orderId());
        Map<String, BigDecimal> returned = new HashMap<>();
        Map<String, BigDecimal> taken = new LinkedHashMap<>();
        Map<String, RecordedMove> sample = new HashMap<>();
        for (RecordedMove m : moves) {
            if (m.getType() == StockMoveType.RETURN) {
                returned.merge(returnKey(m), m.getQuantity(), BigDecimal::add);
            } else if (m.getType() == StockMoveType.OUT) {
                taken.merge(returnKey(m), m.getQuantity(), BigDecimal::add);
                sample.putIfAbsent(returnKey(m), m);
            }
        }
        Map<Long, OrderSnapshot.Line> lines = new HashMap<>();
        order.lines().forEach(l -> lines.put(l.lineId(), l));
        List<RecordedMove> back = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        List<Boolean> damaged = new ArrayList<>();
        for (OrderReturned.Line line : event.lines()) {
            BigDecimal share = line.quantity().divide(lines.get(line.lineId()).quantity(), 10, java.math.RoundingMode.HALF_UP);
            taken.forEach((key, quantity) -> {
                RecordedMove out = sample.get(key);
                if (!Long.valueOf(line.lineId()).equals(out.getReferenceLineId())) {
                    return;
                }
                BigDecimal left = quantity.subtract(returned.getOrDefault(key, BigDecimal.ZERO));
                BigDecimal q = Quantity.rounded(quantity.multiply(share)).value().min(left);
                if (q.signum() > 0) {
                    back.add(out);
                    quantities.add(q);
                    damaged.add(line.damaged());
                    returned.merge(key, q, BigDecimal::add);
                }
            });
        }
        if (back.isEmpty()) {
            return; // services, or nothing left to take back
        }
        LockedStock stock = keeper.lock(List.of(), back.stream()
                .map(m -> new StockKey(m.getWarehouseId(), m.getItemId(), m.getLotId())).distinct().toList());
        StockPolicy policy = settings.current().policy();
        String why = ("Order " + order.number() + " returned: " + event.reason());
        for (int i = 0; i < back.size(); i++) {
            RecordedMove out = back.get(i);
            StockMove sale = StockMove.of(StockMoveType.OUT, out.getWarehouseId(), out.getItemId(), out.getLotId(),
                    Quantity.of(quantities.get(i)));
            stock.apply(sale.returned(), new UnitCost(out.getUnitCost(), Currency.getInstance(out.getCurrency())),
                    new MoveReference(MoveReference.Type.ORDER, order.orderId(), out.getReferenceLineId()),
                    why.length() > 300 ? why.substring(0, 300) : why, policy);
        }
        keeper.write(stock);
        publishBack(order, back, quantities);
        for (int i = 0; i < back.size(); i++) {
            if (damaged.get(i)) {
                RecordedMove out = back.get(i);
                operations.recordWastage(out.getWarehouseId(), out.getItemId(), out.getLotId(), quantities.get(i),
                        WastageReason.DAMAGED, "Returned damaged with order " + order.number());
            }
        }
    }

    /** Every OUT of the order not yet returned goes back into its lot, at the cost it left with. */
    private void returnGoods(OrderSnapshot order, String reason) {
        List<RecordedMove> moves = movesOf(order.orderId());
        Map<String, BigDecimal> returned = new HashMap<>();
        moves.stream().filter(m -> m.getType() == StockMoveType.RETURN)
                .forEach(m -> returned.merge(returnKey(m), m.getQuantity(), BigDecimal::add));
        List<RecordedMove> outs = moves.stream().filter(m -> m.getType() == StockMoveType.OUT).toList();
        if (outs.isEmpty()) {
            return;
        }
        List<RecordedMove> backMoves = new ArrayList<>();
        List<BigDecimal> backQuantities = new ArrayList<>();
        LockedStock stock = keeper.lock(List.of(), outs.stream()
                .map(m -> new StockKey(m.getWarehouseId(), m.getItemId(), m.getLotId())).toList());
        StockPolicy policy = settings.current().policy();
        String why = "Order cancelled" + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        for (RecordedMove out : outs) {
            BigDecimal already = returned.getOrDefault(returnKey(out), BigDecimal.ZERO);
            BigDecimal back = out.getQuantity().subtract(already);
            returned.put(returnKey(out), already.subtract(out.getQuantity()).max(BigDecimal.ZERO));
            if (back.signum() <= 0) {
                continue;
            }
            StockMove sale = StockMove.of(StockMoveType.OUT, out.getWarehouseId(), out.getItemId(), out.getLotId(),
                    Quantity.of(back));
            stock.apply(sale.returned(), new UnitCost(out.getUnitCost(), Currency.getInstance(out.getCurrency())),
                    new MoveReference(MoveReference.Type.ORDER, order.orderId(), out.getReferenceLineId()),
                    why.length() > 300 ? why.substring(0, 300) : why, policy);
            backMoves.add(out);
            backQuantities.add(back);
        }
        keeper.write(stock);
        publishBack(order, backMoves, backQuantities);
        CrossTenantSql.query(em, "update order_line_costs set returned_at = now(), updated_at = now(), updated_by = ?3, "
                        + "version = version + 1 where tenant_id = ?1 and order_id = ?2 and returned_at is null")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, order.orderId())
                .setParameter(3, TenantContext.actorName()).executeUpdate();
    }

    /**
     * Publishes what came back at the cost it left with, per order line: each move's quantity × unit cost rounded to
     * the cent (the ledger's RETURN moves carry the same quantity and cost).
     */
    private void publishBack(OrderSnapshot order, List<RecordedMove> outs, List<BigDecimal> quantities) {
        Map<Long, OrderSnapshot.Line> lines = new HashMap<>();
        order.lines().forEach(l -> lines.put(l.lineId(), l));
        Map<Long, BigDecimal> byLine = new LinkedHashMap<>();
        for (int i = 0; i < outs.size(); i++) {
            RecordedMove out = outs.get(i);
            byLine.merge(out.getReferenceLineId(), Money.round(quantities.get(i).multiply(out.getUnitCost())),
                    BigDecimal::add);
        }
        List<GoodsCosted.Line> costs = byLine.entrySet().stream().filter(e -> lines.containsKey(e.getKey()))
                .map(e -> new GoodsCosted.Line(e.getKey(), lines.get(e.getKey()).itemId(), e.getValue())).toList();
        if (!costs.isEmpty()) {
            costed.fire(new GoodsCosted(order.orderId(), order.locationId(), order.channel(), true, Instant.now(),
                    costs));
        }
    }

    /** Every stock move an order made (OUT on payment, RETURN on cancellation or return), in order. */
    private List<RecordedMove> movesOf(long orderId) {
        return em.createQuery("select m from RecordedMove m where m.referenceType = :t and m.referenceId = :o "
                        + "order by m.id", RecordedMove.class)
                .setParameter("t", MoveReference.Type.ORDER).setParameter("o", orderId).getResultList();
    }

    private static String returnKey(RecordedMove m) {
        return m.getWarehouseId() + "/" + m.getLotId() + "/" + m.getReferenceLineId();
    }

    /** One cost row per line and currency the consumed lots were costed in (normally one). */
    private void recordCosts(OrderSnapshot order, Map<OrderSnapshot.Line, List<LotTake>> takesByLine) {
        List<GoodsCosted.Line> published = new ArrayList<>();
        takesByLine.forEach((line, takes) -> {
            Map<Currency, List<LotTake>> byCurrency = takes.stream()
                    .collect(Collectors.groupingBy(t -> t.lot().unitCost().currency(), LinkedHashMap::new,
                            Collectors.toList()));
            byCurrency.forEach((currency, sameCurrency) -> {
                Money cost = CostOfGoodsSold.ofLine(currency, sameCurrency);
                CrossTenantSql.query(em, "insert into order_line_costs (id, tenant_id, order_id, order_line_id, "
                                + "location_id, item_id, quantity, currency, cost, created_by, updated_by) values "
                                + "(nextval('cuadra_id_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)")
                        .setParameter(1, TenantContext.require().tenantId()).setParameter(2, order.orderId())
                        .setParameter(3, line.lineId()).setParameter(4, order.locationId())
                        .setParameter(5, line.itemId()).setParameter(6, line.quantity())
                        .setParameter(7, currency.getCurrencyCode()).setParameter(8, cost.amount())
                        .setParameter(9, TenantContext.actorName()).executeUpdate();
                published.add(new GoodsCosted.Line(line.lineId(), line.itemId(), cost.amount()));
            });
        });
        if (!published.isEmpty()) {
            costed.fire(new GoodsCosted(order.orderId(), order.locationId(), order.channel(), false,
                    order.paidAt() != null ? order.paidAt() : Instant.now(), published));
        }
    }

    /** The goods each line takes, lines that take none (services) left out. */
    private Map<OrderSnapshot.Line, List<StockDemand>> demands(OrderSnapshot order) {
        Map<OrderSnapshot.Line, List<StockDemand>> demands = new LinkedHashMap<>();
        for (OrderSnapshot.Line line : order.lines()) {
            if (line.quantity().signum() <= 0) {
                continue;
            }
            List<StockDemand> goods = catalog.demands(line.itemId(), Quantity.rounded(line.quantity()));
            if (!goods.isEmpty()) {
                demands.put(line, goods);
            }
        }
        return demands;
    }

    private static List<WarehouseItem> pairs(long warehouseId, Map<OrderSnapshot.Line, List<StockDemand>> demands) {
        return demands.values().stream().flatMap(List::stream).map(d -> new WarehouseItem(warehouseId, d.itemId()))
                .distinct().toList();
    }

    private boolean alreadyTaken(long orderId) {
        return em.createQuery("select count(m) from RecordedMove m where m.referenceType = :t and m.referenceId = :o "
                        + "and m.type = :out", Long.class).setParameter("t", MoveReference.Type.ORDER)
                .setParameter("o", orderId).setParameter("out", StockMoveType.OUT).getSingleResult() > 0;
    }

    /** The day of the payment at the location: a lot expiring that day is still sold. */
    private LocalDate businessDate(OrderSnapshot order) {
        Location location = em.find(Location.class, order.locationId());
        Instant at = order.paidAt() != null ? order.paidAt() : Instant.now();
        return LocalDate.ofInstant(at, location.zone());
    }
}
