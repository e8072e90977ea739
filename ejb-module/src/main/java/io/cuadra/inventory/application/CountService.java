package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.inventory.domain.CountCoverage;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.LotOrigin;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.inventory.infrastructure.MultiRowSql;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Physical counts: opened for a warehouse, filled in per lot (lines may be entered in several
 * batches and corrected), then confirmed by {@link CountJobs}.
 */
@Stateless
public class CountService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    WarehouseService warehouses;

    @EJB
    StockCatalog catalog;

    @EJB
    LotService lots;

    @EJB
    CompanyService company;

    public StockCount open(long warehouseId, CountCoverage coverage, String notes) {
        Warehouse w = warehouses.usable(warehouseId);
        StockCount count = new StockCount(w.getId(), coverage == null ? CountCoverage.COMPLETE : coverage, notes);
        em.persist(count);
        em.flush();
        return count;
    }

    /** A count of a warehouse the caller works at. */
    public StockCount find(long id) {
        StockCount count = em.find(StockCount.class, id);
        if (count == null) {
            throw new NotFound("No count " + id + ".").withKey("inventory.count", id);
        }
        warehouses.byIds(List.of(count.getWarehouseId())).values().forEach(w ->
                LocationScope.require(w.getLocationId(), "No count " + id + "."));
        return count;
    }

    public Page<StockCount> list(Long warehouseId, int page, int size) {
        List<Long> visible = warehouseId != null ? List.of(warehouses.find(warehouseId).getId())
                : warehouses.list(null).stream().map(Warehouse::getId).toList();
        if (visible.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        List<StockCount> rows = em.createQuery("select c from StockCount c where c.warehouseId in :ws "
                        + "order by c.createdAt desc, c.id desc", StockCount.class).setParameter("ws", visible)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(c) from StockCount c where c.warehouseId in :ws", Long.class)
                .setParameter("ws", visible).getSingleResult();
        return new Page<>(rows, total, page, size);
    }

    /**
     * Enters counted quantities; a lot already on the sheet takes the new quantity. A line names its
     * lot by id, or by code (a lot nobody received is created, costed like the item's latest lot),
     * or neither for an item without lot tracking. Returns how many lines the sheet has now.
     */
    public int enter(long countId, List<EnteredLine> lines) {
        StockCount count = find(countId);
        count.requireOpen();
        Map<Long, Item> items = catalog.items(lines.stream().map(EnteredLine::itemId).toList());
        Map<Long, InventoryLot> named = lots.byIds(lines.stream().map(EnteredLine::lotId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, Object[]> byLot = new LinkedHashMap<>();
        Map<String, InventoryLot> created = new HashMap<>();
        for (EnteredLine line : lines) {
            Item item = items.get(line.itemId());
            if (item == null) {
                throw new RuleViolation("lines.itemId: there is no item " + line.itemId() + ".").withKey("catalog.item2", line.itemId());
            }
            catalog.goods(item.getId());
            Quantity counted = TypedQuantity.zeroOrMore(line.counted(), "lines.counted");
            InventoryLot lot = lotOf(item, line, named, created);
            byLot.put(lot.getId(), new Object[]{item.getId(), lot.getId(), counted.value()});
        }
        MultiRowSql.execute(em, "insert into stock_count_lines (id, tenant_id, count_id, item_id, lot_id, counted, "
                        + "created_by, updated_by) values ",
                "(nextval('cuadra_id_seq'), ?1, ?2, cast({} as bigint), cast({} as bigint), cast({} as numeric), ?3, ?3)",
                " on conflict (count_id, lot_id) do update set counted = excluded.counted, updated_at = now(), "
                        + "updated_by = excluded.updated_by, version = stock_count_lines.version + 1",
                new Object[]{TenantContext.require().tenantId(), countId, TenantContext.actorName()},
                new ArrayList<>(byLot.values()));
        return lineCount(countId);
    }

    /** Removes a lot from the sheet (it was entered by mistake). */
    public void removeLine(long countId, long lotId) {
        find(countId).requireOpen();
        CrossTenantSql.query(em, "delete from stock_count_lines where tenant_id = ?1 and count_id = ?2 and lot_id = ?3")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, countId).setParameter(3, lotId)
                .executeUpdate();
    }

    /**
     * The sheet as a counter fills it in: every lot the warehouse holds (non-zero book) and every lot
     * entered, with item, lot, expiry, book quantity (now, or at confirmation once confirmed) and
     * what was counted (null: not counted yet). Ordered by item name, then FEFO.
     */
    public Page<SheetLine> sheet(long countId, int page, int size) {
        StockCount count = find(countId);
        boolean confirmed = count.getStatus() == io.cuadra.inventory.domain.StockCountStatus.CONFIRMED;
        String keys = confirmed
                ? "select lot_id from stock_count_lines where count_id = ?2"
                : "select lot_id from stock_balances where warehouse_id = ?3 and on_hand <> 0 "
                        + "union select lot_id from stock_count_lines where count_id = ?2";
        String book = confirmed ? "c.book" : "coalesce(b.on_hand, 0)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select l.item_id, i.code, i.name, l.id, l.code, l.expires_on, "
                        + book + ", c.counted, count(*) over () from (" + keys + ") k "
                        + "join inventory_lots l on l.id = k.lot_id and l.tenant_id = ?1 "
                        + "join items i on i.id = l.item_id "
                        + "left join stock_balances b on b.warehouse_id = ?3 and b.lot_id = l.id "
                        + "left join stock_count_lines c on c.count_id = ?2 and c.lot_id = l.id "
                        + "order by i.name, i.id, l.expires_on nulls last, l.code limit ?4 offset ?5")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, countId)
                .setParameter(3, count.getWarehouseId()).setParameter(4, size).setParameter(5, (long) page * size)
                .getResultList();
        List<SheetLine> lines = rows.stream().map(r -> new SheetLine(StockKeeper.longOf(r[0]), (String) r[1],
                (String) r[2], StockKeeper.longOf(r[3]), (String) r[4], StockKeeper.localDate(r[5]), (BigDecimal) r[6],
                (BigDecimal) r[7])).toList();
        long total = rows.isEmpty() ? 0 : StockKeeper.longOf(rows.get(0)[8]);
        return new Page<>(lines, total, page, size);
    }

    public StockCount cancel(long id, long expectedVersion) {
        StockCount count = find(id);
        Versions.expect(expectedVersion, count.getVersion(), "Count " + id);
        count.cancel();
        em.flush();
        return count;
    }

    /** First half of confirming, committed before the job starts: the sheet is frozen. */
    public StockCount markConfirming(long id, long expectedVersion) {
        StockCount count = find(id);
        Versions.expect(expectedVersion, count.getVersion(), "Count " + id);
        count.startConfirming(lineCount(id));
        em.flush();
        return count;
    }

    /**
     * Notes which job execution confirms the count. Written without touching the count's version: the
     * job may already have read the count, and its own final update must not find it changed.
     */
    public void recordExecution(long id, long executionId) {
        CrossTenantSql.query(em, "update stock_counts set job_execution_id = ?3 where tenant_id = ?1 and id = ?2")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, id)
                .setParameter(3, executionId).executeUpdate();
    }

    public record EnteredLine(long itemId, Long lotId, String lotCode, LocalDate expiresOn, BigDecimal counted) {
    }

    public record SheetLine(long itemId, String itemCode, String itemName, long lotId, String lotCode,
                            LocalDate expiresOn, BigDecimal book, BigDecimal counted) {
    }

    private int lineCount(long countId) {
        return ((Number) CrossTenantSql.query(em, "select count(*) from stock_count_lines where tenant_id = ?1 "
                        + "and count_id = ?2").setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, countId).getSingleResult()).intValue();
    }

    private InventoryLot lotOf(Item item, EnteredLine line, Map<Long, InventoryLot> named,
                               Map<String, InventoryLot> created) {
        if (line.lotId() != null) {
            InventoryLot lot = named.get(line.lotId());
            if (lot == null || lot.getItemId() != item.getId()) {
                throw new RuleViolation("lines.lotId: item " + item.getCode() + " has no lot " + line.lotId() + ".").withKey("inventory.itemLot", item.getCode(), line.lotId());
            }
            return lot;
        }
        if (!StockCatalog.lotTracked(item)) {
            return lots.implicitLot(item.getId());
        }
        String code = InventoryLot.normalizeCode(line.lotCode());
        if (code == null) {
            throw new RuleViolation("lines.lotId: " + item.getCode() + " is tracked by lot; name the lot by id or code.").withKey("inventory.trackedLotName", item.getCode());
        }
        return created.computeIfAbsent(item.getId() + "/" + code, k -> lots.arrivalLot(item, code, line.expiresOn(),
                LocalDate.now(), latestCost(item.getId()), LotOrigin.ADJUSTMENT, null));
    }

    /** A lot found without a receipt is valued like the item's most recent lot (zero when it has none). */
    private UnitCost latestCost(long itemId) {
        return em.createQuery("select l from InventoryLot l where l.itemId = :i order by l.receivedOn desc, l.id desc",
                        InventoryLot.class).setParameter("i", itemId).setMaxResults(1).getResultStream().findFirst()
                .map(InventoryLot::unitCost)
                .orElseGet(() -> new UnitCost(BigDecimal.ZERO, company.current().currency()));
    }
}
