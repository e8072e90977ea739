package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.domain.ExpiryAlert;
import io.cuadra.inventory.domain.Lot;
import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.LowStockAlert;
import io.cuadra.inventory.domain.OrderLineCost;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.RecordedMove;
import io.cuadra.inventory.domain.StockAlerts;
import io.cuadra.inventory.domain.StockItem;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.SearchText;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What stock there is and what happened to it: stock on hand with value, item ledgers, alerts, costs. */
@Stateless
public class StockReports {

    /** The ledger page statement, in a file so the benchmark runs exactly the same SQL. */
    public static final String LEDGER_SQL_RESOURCE = "/io/cuadra/inventory/application/item-ledger.sql";
    private static final String LEDGER_SQL = load(LEDGER_SQL_RESOURCE);

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    WarehouseService warehouses;

    @EJB
    LotService lots;

    @EJB
    InventorySettingsService settings;

    /** How stock on hand is summed up. */
    public enum Grouping {
        LOCATION, WAREHOUSE, ITEM, LOT
    }

    public record StockFilter(Long locationId, Long warehouseId, Long itemId, Long lotId, String search,
                              boolean includeZero) {
    }

    /** A row of stock on hand; the dimensions the grouping sums over are null. */
    public record StockRow(Long locationId, String locationCode, Long warehouseId, String warehouseCode, Long itemId,
                           String itemCode, String itemName, Long lotId, String lotCode, LocalDate expiresOn,
                           BigDecimal onHand, BigDecimal unitCost, BigDecimal value, String currency) {
    }

    public record StockReport(Page<StockRow> rows, List<Money> totalValue) {
    }

    /**
     * Stock on hand of the locations the caller works at, grouped by location, warehouse, item or lot,
     * valued at each lot's unit cost (rounded to the cent per row and for the totals).
     */
    public StockReport stockOnHand(StockFilter filter, Grouping grouping, int page, int size) {
        List<Long> locations = warehouses.visibleLocationIds(filter.locationId());
        if (filter.warehouseId() != null) {
            Warehouse w = warehouses.find(filter.warehouseId());
            locations = locations.contains(w.getLocationId()) ? List.of(w.getLocationId()) : List.of();
        }
        if (locations.isEmpty()) {
            return new StockReport(new Page<>(List.of(), 0, page, size), List.of());
        }
        StringBuilder where = new StringBuilder(" where b.tenant_id = ?1 and w.location_id in (");
        List<Object> params = new ArrayList<>();
        params.add(TenantContext.require().tenantId());
        for (int i = 0; i < locations.size(); i++) {
            where.append(i == 0 ? "" : ", ").append('?').append(params.size() + 1);
            params.add(locations.get(i));
        }
        where.append(')');
        if (filter.warehouseId() != null) {
            where.append(" and b.warehouse_id = ?").append(params.size() + 1);
            params.add(filter.warehouseId());
        }
        if (filter.itemId() != null) {
            where.append(" and b.item_id = ?").append(params.size() + 1);
            params.add(filter.itemId());
        }
        if (filter.lotId() != null) {
            where.append(" and b.lot_id = ?").append(params.size() + 1);
            params.add(filter.lotId());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            int n = params.size() + 1;
            where.append(" and (i.search_name like ?").append(n).append(" escape '\\' or lower(i.code) like ?")
                    .append(n + 1).append(" escape '\\' or l.code like ?").append(n + 2).append(" escape '\\')");
            params.add(SearchText.containsWords(SearchText.fold(filter.search())));
            params.add(SearchText.escapeLike(filter.search().strip().toLowerCase(Locale.ROOT)) + "%");
            params.add(SearchText.escapeLike(filter.search().strip().toUpperCase(Locale.ROOT)) + "%");
        }
        if (!filter.includeZero()) {
            where.append(" and b.on_hand <> 0");
        }
        String from = " from stock_balances b join inventory_lots l on l.id = b.lot_id join items i on i.id = b.item_id "
                + "join warehouses w on w.id = b.warehouse_id join locations loc on loc.id = w.location_id";
        String columns = switch (grouping) {
            case LOCATION -> "loc.id, loc.code, null, null, null, null, null, null, null, null";
            case WAREHOUSE -> "loc.id, loc.code, w.id, w.code, null, null, null, null, null, null";
            case ITEM -> "null, null, null, null, i.id, i.code, i.name, null, null, null";
            case LOT -> "loc.id, loc.code, w.id, w.code, i.id, i.code, i.name, l.id, l.code, l.expires_on";
        };
        String groupBy = switch (grouping) {
            case LOCATION -> "loc.id, loc.code";
            case WAREHOUSE -> "loc.id, loc.code, w.id, w.code";
            case ITEM -> "i.id, i.code, i.name";
            case LOT -> "loc.id, loc.code, w.id, w.code, i.id, i.code, i.name, l.id, l.code, l.expires_on";
        };
        String orderBy = switch (grouping) {
            case LOCATION -> "loc.code";
            case WAREHOUSE -> "loc.code, w.code";
            case ITEM -> "i.name, i.id";
            case LOT -> "loc.code, w.code, i.name, i.id, l.expires_on nulls last, l.code";
        };
        String sql = "select " + columns + ", sum(b.on_hand), sum(b.on_hand * l.unit_cost), l.currency, "
                + "count(*) over ()" + from + where + " group by " + groupBy + ", l.currency order by " + orderBy
                + ", l.currency limit " + size + " offset " + ((long) page * size);
        List<Object[]> rows = resultList(sql, params);
        List<StockRow> stock = rows.stream().map(r -> {
            BigDecimal onHand = (BigDecimal) r[10];
            BigDecimal exactValue = (BigDecimal) r[11];
            BigDecimal unitCost = grouping == Grouping.LOT && onHand.signum() != 0
                    ? exactValue.divide(onHand, UnitCost.SCALE, UnitCost.ROUNDING) : null;
            return new StockRow(longOrNull(r[0]), (String) r[1], longOrNull(r[2]), (String) r[3], longOrNull(r[4]),
                    (String) r[5], (String) r[6], longOrNull(r[7]), (String) r[8], StockKeeper.localDate(r[9]),
                    onHand, unitCost, Money.round(exactValue), ((String) r[12]).strip());
        }).toList();
        long total = rows.isEmpty() ? 0 : StockKeeper.longOf(rows.get(0)[13]);
        List<Money> totals = resultList("select l.currency, sum(b.on_hand * l.unit_cost)" + from + where
                + " group by l.currency order by l.currency", params).stream()
                .map(r -> Money.of((BigDecimal) r[1], Currency.getInstance(((String) r[0]).strip()))).toList();
        return new StockReport(new Page<>(stock, total, page, size), totals);
    }

    /** One line of an item's ledger in a warehouse. */
    public record LedgerLine(long moveId, long lineNo, String type, BigDecimal quantity, BigDecimal effect,
                             BigDecimal balanceAfter, BigDecimal lotBalanceAfter, long lotId, String lotCode,
                             LocalDate expiresOn, BigDecimal unitCost, String currency, String referenceType,
                             long referenceId, Long referenceLineId, String reason, Instant movedAt, String movedBy) {
    }

    /** A page of the ledger and the cursor of the next (older) page, null at the first move. */
    public record LedgerPage(long warehouseId, long itemId, BigDecimal onHand, List<LedgerLine> lines, Long next) {
    }

    /** The ledger of an item in a warehouse, newest first, by keyset: {@code before} is a line number or null. */
    /**
     * The ledger of an item in a warehouse named by id, or in the default warehouse of a location the caller may
     * see: the warehouse is resolved and the ledger read in one transaction.
     */
    public LedgerPage itemLedger(Long warehouseId, Long locationId, long itemId, Long before, int size) {
        if (warehouseId != null) {
            return itemLedger(warehouseId.longValue(), itemId, before, size);
        }
        if (locationId == null) {
            throw new RuleViolation("warehouseId: name the warehouse (or the location of its default one).")
                    .withKey("inventory.ledgerWarehouse");
        }
        return itemLedger(warehouses.defaultOf(warehouses.visibleLocationIds(locationId).get(0)).getId(), itemId,
                before, size);
    }

    public LedgerPage itemLedger(long warehouseId, long itemId, Long before, int size) {
        Warehouse w = warehouses.find(warehouseId);
        long tenant = TenantContext.require().tenantId();
        List<Object[]> rows = resultList(LEDGER_SQL, List.of(tenant, w.getId(), itemId,
                before == null ? Long.MAX_VALUE : before, size + 1));
        List<LedgerLine> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            Object[] r = rows.get(i);
            lines.add(new LedgerLine(StockKeeper.longOf(r[0]), StockKeeper.longOf(r[1]), (String) r[2],
                    (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6],
                    StockKeeper.longOf(r[7]), (String) r[8], StockKeeper.localDate(r[9]), (BigDecimal) r[10],
                    ((String) r[11]).strip(), (String) r[12], StockKeeper.longOf(r[13]), longOrNull(r[14]),
                    (String) r[15], instant(r[16]), (String) r[17]));
        }
        List<Object[]> level = resultList("select on_hand from stock_levels where tenant_id = ?1 and warehouse_id = ?2 "
                + "and item_id = ?3", List.of(tenant, w.getId(), itemId));
        BigDecimal onHand = level.isEmpty() ? BigDecimal.ZERO.setScale(Quantity.SCALE) : (BigDecimal) level.get(0)[0];
        Long next = rows.size() > size ? lines.get(lines.size() - 1).lineNo() : null;
        return new LedgerPage(w.getId(), itemId, onHand, lines, next);
    }

    /** Moves of one lot (all visible warehouses), or of one document (an order, a receipt...), newest first. */
    public Page<RecordedMove> moves(Long lotId, io.cuadra.inventory.domain.MoveReference.Type referenceType, Long referenceId,
                                    int page, int size) {
        List<Long> visible = warehouses.list(null).stream().map(Warehouse::getId).toList();
        if (visible.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        StringBuilder where = new StringBuilder(" where m.warehouseId in :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", visible);
        if (lotId != null) {
            where.append(" and m.lotId = :lot");
            params.put("lot", lotId);
        }
        if (referenceType != null) {
            params.put("rt", referenceType);
            where.append(" and m.referenceType = :rt");
        }
        if (referenceId != null) {
            where.append(" and m.referenceId = :rid");
            params.put("rid", referenceId);
        }
        var q = em.createQuery("select m from RecordedMove m" + where + " order by m.movedAt desc, m.id desc",
                RecordedMove.class);
        var count = em.createQuery("select count(m) from RecordedMove m" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    public RecordedMove move(long id) {
        RecordedMove m = em.find(RecordedMove.class, id);
        if (m == null) {
            throw new NotFound("No stock move " + id + ".").withKey("inventory.stockMove", id);
        }
        warehouses.byIds(List.of(m.getWarehouseId())).values()
                .forEach(w -> LocationScope.require(w.getLocationId(), "No stock move " + id + "."));
        return m;
    }

    public record Alerts(long locationId, LocalDate businessDate, int expiryDays, List<LowStockAlert> lowStock,
                         List<ExpiryAlert> expiring) {
    }

    /**
     * Items of the location whose available stock (on hand − reserved, all its warehouses) is below
     * their critical level, and lots with stock there expiring within the tenant's alert window
     * (already expired ones first).
     */
    public Alerts alerts(long locationId) {
        LocationScope.require(locationId, "No location " + locationId + ".");
        Location location = em.find(Location.class, locationId);
        if (location == null) {
            throw new NotFound("No location " + locationId + ".").withKey("identity.location", locationId);
        }
        long tenant = TenantContext.require().tenantId();
        List<StockItem> items = em.createQuery("select i from Item i where i.criticalStock is not null "
                        + "and i.type = :product and i.active = true", Item.class)
                .setParameter("product", ItemType.PRODUCT).getResultStream().map(StockCatalog::stockItem).toList();
        Map<Long, Quantity> available = new HashMap<>();
        resultList("select s.item_id, sum(s.on_hand - s.reserved) from stock_levels s join warehouses w "
                + "on w.id = s.warehouse_id where s.tenant_id = ?1 and w.location_id = ?2 group by s.item_id",
                List.of(tenant, locationId)).forEach(r -> available.put(StockKeeper.longOf(r[0]),
                Quantity.of((BigDecimal) r[1])));
        int days = settings.current().getExpiryAlertDays();
        LocalDate today = LocalDate.now(location.zone());
        List<LotStock> dated = resultList("select b.warehouse_id, b.on_hand, l.id, l.item_id, l.code, l.expires_on, "
                        + "l.received_on, l.unit_cost, l.currency from stock_balances b join inventory_lots l "
                        + "on l.id = b.lot_id join warehouses w on w.id = b.warehouse_id where b.tenant_id = ?1 "
                        + "and w.location_id = ?2 and b.on_hand > 0 and l.expires_on <= ?3",
                List.of(tenant, locationId, java.sql.Date.valueOf(today.plusDays(days)))).stream()
                .map(r -> new LotStock(new Lot(StockKeeper.longOf(r[2]), StockKeeper.longOf(r[3]), (String) r[4],
                        StockKeeper.localDate(r[5]), StockKeeper.localDate(r[6]), new UnitCost((BigDecimal) r[7],
                        Currency.getInstance(((String) r[8]).strip()))), StockKeeper.longOf(r[0]),
                        Quantity.of((BigDecimal) r[1]))).toList();
        return new Alerts(locationId, today, days, StockAlerts.belowCriticalLevel(items, available),
                StockAlerts.expiringWithin(dated, today, days));
    }

    /** The cost of goods sold of an order, per line (404 when none was recorded or the location is not the caller's). */
    public List<OrderLineCost> orderCosts(long orderId) {
        List<OrderLineCost> costs = em.createQuery("select c from OrderLineCost c where c.orderId = :o "
                + "order by c.orderLineId, c.currency", OrderLineCost.class).setParameter("o", orderId).getResultList();
        if (costs.isEmpty() || !LocationScope.visible(costs.get(0).getLocationId())) {
            throw new NotFound("No cost of goods sold recorded for order " + orderId + ".").withKey("inventory.costGoodsSold", orderId);
        }
        return costs;
    }

    /** The balances of a lot in the warehouses the caller may see. */
    /** A lot and its on-hand per warehouse the caller may see: the lot page's read model, in one transaction. */
    public record LotWithBalances(io.cuadra.inventory.domain.InventoryLot lot, Map<Warehouse, BigDecimal> balances) {
    }

    public LotWithBalances lot(long lotId) {
        return new LotWithBalances(lots.find(lotId), lotBalances(lotId));
    }

    public Map<Warehouse, BigDecimal> lotBalances(long lotId) {
        List<Object[]> rows = resultList("select b.warehouse_id, b.on_hand from stock_balances b where b.tenant_id = ?1 "
                + "and b.lot_id = ?2 order by b.warehouse_id", List.of(TenantContext.require().tenantId(), lotId));
        Map<Long, Warehouse> byId = warehouses.byIds(rows.stream().map(r -> StockKeeper.longOf(r[0])).toList());
        Map<Warehouse, BigDecimal> balances = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            Warehouse w = byId.get(StockKeeper.longOf(r[0]));
            if (w != null && LocationScope.visible(w.getLocationId())) {
                balances.put(w, (BigDecimal) r[1]);
            }
        }
        return balances;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> resultList(String sql, List<Object> params) {
        Query q = CrossTenantSql.query(em, sql);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        List<Object> rows = q.getResultList();
        return rows.stream().map(r -> r instanceof Object[] a ? a : new Object[]{r}).toList();
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) o;
    }

    /** The statement of a resource file without its comment lines (their "?n" would read as parameters). */
    public static String statement(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
    }

    private static String load(String resource) {
        try (InputStream in = StockReports.class.getResourceAsStream(resource)) {
            return statement(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
