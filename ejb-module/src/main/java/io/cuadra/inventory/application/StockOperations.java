package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.domain.FefoPicker;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.LotTake;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.PickRequest;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockMove;
import io.cuadra.inventory.domain.StockPick;
import io.cuadra.inventory.domain.StockPolicy;
import io.cuadra.inventory.domain.StockTransfer;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.inventory.domain.WarehouseTransfer;
import io.cuadra.inventory.domain.Wastage;
import io.cuadra.inventory.domain.WastageReason;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stock moved by hand: wastage (mermas) and transfers between warehouses. One transaction each. */
@Stateless
public class StockOperations {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    StockKeeper keeper;

    @EJB
    StockCatalog catalog;

    @EJB
    WarehouseService warehouses;

    @EJB
    LotService lots;

    @EJB
    InventorySettingsService settings;

    /** Writes goods off one lot (the implicit one for an untracked item) with why. */
    public Wastage recordWastage(long warehouseId, long itemId, Long lotId, BigDecimal quantity, WastageReason reason,
                                 String notes) {
        Warehouse warehouse = warehouses.usable(warehouseId);
        Item item = catalog.goods(itemId);
        InventoryLot lot = lotOf(item, lotId);
        Quantity q = TypedQuantity.positive(quantity, "quantity");
        StockKey key = new StockKey(warehouse.getId(), itemId, lot.getId());
        LockedStock stock = keeper.lock(List.of(), List.of(key));
        LotStock current = stock.lot(key).orElseThrow();
        Wastage wastage = new Wastage(warehouse.getId(), current.lot(), q, reason, notes, now());
        em.persist(wastage);
        em.flush();
        String why = reason.name() + (wastage.getNotes() == null ? "" : ": " + wastage.getNotes());
        stock.apply(wastage.move(), current.lot().unitCost(), MoveReference.of(MoveReference.Type.WASTAGE,
                wastage.getId()), why.length() > 300 ? why.substring(0, 300) : why, settings.current().policy());
        keeper.write(stock);
        return wastage;
    }

    public Wastage findWastage(long id) {
        Wastage w = em.find(Wastage.class, id);
        if (w == null || !LocationScope.visible(warehouses.byIds(List.of(w.getWarehouseId())).get(w.getWarehouseId())
                .getLocationId())) {
            throw new NotFound("No wastage " + id + ".").withKey("inventory.wastage", id);
        }
        return w;
    }

    /** Wastage of the warehouses the caller may see (optionally one), newest first. */
    public Page<Wastage> listWastage(Long warehouseId, int page, int size) {
        List<Long> visible = visibleWarehouses(warehouseId);
        if (visible.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        List<Wastage> rows = em.createQuery("select w from Wastage w where w.warehouseId in :ws "
                        + "order by w.recordedAt desc, w.id desc", Wastage.class).setParameter("ws", visible)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(w) from Wastage w where w.warehouseId in :ws", Long.class)
                .setParameter("ws", visible).getSingleResult();
        return new Page<>(rows, total, page, size);
    }

    /**
     * Moves goods from a warehouse the caller works at to any active warehouse of the tenant. A line
     * names its lot, or lets FEFO choose (expired lots skipped when the tenant says so); every lot
     * arrives as itself (code, expiry, cost) at the destination.
     */
    public WarehouseTransfer transfer(long fromId, long toId, List<TransferLine> lines, String notes) {
        Warehouse from = warehouses.usable(fromId);
        Warehouse to = warehouses.destination(toId);
        if (from.getId().equals(to.getId())) {
            throw new RuleViolation("toWarehouseId: a transfer goes to another warehouse.").withKey("inventory.transferGoesAnother");
        }
        if (lines.isEmpty()) {
            throw new RuleViolation("lines: a transfer moves at least one lot.").withKey("inventory.transferMovesLeast");
        }
        StockPolicy policy = settings.current().policy();
        Set<WarehouseItem> pairs = new HashSet<>();
        Set<StockKey> sourceKeys = new HashSet<>();
        Map<TransferLine, InventoryLot> namedLots = new HashMap<>();
        Map<Long, Item> items = new HashMap<>();
        for (TransferLine line : lines) {
            Item item = items.computeIfAbsent(line.itemId(), catalog::goods);
            pairs.add(new WarehouseItem(from.getId(), item.getId()));
            pairs.add(new WarehouseItem(to.getId(), item.getId()));
            if (line.lotId() != null || !StockCatalog.lotTracked(item)) {
                InventoryLot lot = lotOf(item, line.lotId());
                namedLots.put(line, lot);
                sourceKeys.add(new StockKey(from.getId(), item.getId(), lot.getId()));
            }
        }
        LockedStock stock = keeper.lock(pairs, sourceKeys);
        LocalDate today = LocalDate.now(em.find(Location.class, from.getLocationId()).zone());
        List<LotTake> takes = new ArrayList<>();
        for (TransferLine line : lines) {
            Quantity q = TypedQuantity.positive(line.quantity(), "lines.quantity");
            InventoryLot named = namedLots.get(line);
            if (named != null) {
                takes.add(new LotTake(stock.lot(new StockKey(from.getId(), line.itemId(), named.getId())).orElseThrow()
                        .lot(), q));
            } else {
                StockPick pick = new FefoPicker(policy).pick(PickRequest.fefo(StockCatalog.stockItem(
                        items.get(line.itemId())), from.getId(), q, today), stock.lotsOf(from.getId(), line.itemId()));
                takes.addAll(pick.takes());
            }
        }
        StockTransfer transfer = new StockTransfer(from.getId(), to.getId(), takes);
        keeper.include(stock, transfer.moves().stream().map(StockMove::key).toList());
        WarehouseTransfer record = new WarehouseTransfer(transfer, notes, now());
        em.persist(record);
        em.flush();
        Map<Long, Long> lineOfLot = new HashMap<>();
        record.getLines().forEach(l -> lineOfLot.put(l.getLotId(), l.getId()));
        Map<Long, LotTake> takeOfLot = new HashMap<>();
        transfer.takes().forEach(t -> takeOfLot.put(t.lot().id(), t));
        for (StockMove move : transfer.moves()) {
            stock.apply(move, takeOfLot.get(move.key().lotId()).lot().unitCost(), MoveReference.line(
                    MoveReference.Type.TRANSFER, record.getId(), lineOfLot.get(move.key().lotId())), null, policy);
        }
        keeper.write(stock);
        return record;
    }

    /** A transfer the caller may see: it works at its source or its destination. */
    public WarehouseTransfer findTransfer(long id) {
        WarehouseTransfer t = em.find(WarehouseTransfer.class, id);
        if (t == null) {
            throw new NotFound("No transfer " + id + ".").withKey("inventory.transfer", id);
        }
        Map<Long, Warehouse> ends = warehouses.byIds(List.of(t.getFromWarehouseId(), t.getToWarehouseId()));
        if (!LocationScope.visible(ends.get(t.getFromWarehouseId()).getLocationId())
                && !LocationScope.visible(ends.get(t.getToWarehouseId()).getLocationId())) {
            throw new NotFound("No transfer " + id + ".").withKey("inventory.transfer", id);
        }
        return t;
    }

    public Page<WarehouseTransfer> listTransfers(Long warehouseId, int page, int size) {
        List<Long> visible = visibleWarehouses(warehouseId);
        if (visible.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        String where = " where t.fromWarehouseId in :ws or t.toWarehouseId in :ws";
        List<WarehouseTransfer> rows = em.createQuery("select t from WarehouseTransfer t" + where
                        + " order by t.transferredAt desc, t.id desc", WarehouseTransfer.class).setParameter("ws", visible)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(t) from WarehouseTransfer t" + where, Long.class)
                .setParameter("ws", visible).getSingleResult();
        return new Page<>(rows, total, page, size);
    }

    /** What one line of a transfer asks for; {@code lotId} null lets FEFO choose. */
    public record TransferLine(long itemId, Long lotId, BigDecimal quantity) {
    }

    private List<Long> visibleWarehouses(Long warehouseId) {
        if (warehouseId != null) {
            return List.of(warehouses.find(warehouseId).getId());
        }
        return warehouses.list(null).stream().map(Warehouse::getId).toList();
    }

    private InventoryLot lotOf(Item item, Long lotId) {
        if (lotId != null) {
            return lots.ofItem(lotId, item.getId());
        }
        if (StockCatalog.lotTracked(item)) {
            throw new RuleViolation("lotId: " + item.getCode() + " is tracked by lot; say which lot.")
                    .withKey("lot.required", item.getCode());
        }
        return lots.implicitLot(item.getId());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
