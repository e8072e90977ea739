package io.cuadra.purchasing.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.LocationScope;
import io.cuadra.inventory.application.LockedStock;
import io.cuadra.inventory.application.LotService;
import io.cuadra.inventory.application.StockCatalog;
import io.cuadra.inventory.application.StockKeeper;
import io.cuadra.inventory.application.TypedQuantity;
import io.cuadra.inventory.application.InventorySettingsService;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.LotOrigin;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockMove;
import io.cuadra.inventory.domain.StockMoveType;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.purchasing.domain.GoodsReceipt;
import io.cuadra.purchasing.domain.GoodsReceiptLine;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderLine;
import io.cuadra.purchasing.domain.Supplier;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods receipts: the receipt, its lots (created or topped up), the IN moves and the purchase
 * order's received quantities and status, all in one transaction.
 */
@Stateless
public class GoodsReceiptService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    PurchaseOrderService orders;

    @EJB
    WarehouseService warehouses;

    @EJB
    StockCatalog catalog;

    @EJB
    LotService lots;

    @EJB
    StockKeeper keeper;

    @EJB
    InventorySettingsService settings;

    @EJB
    CompanyService company;

    @EJB
    PurchasingNumbers numbers;

    /**
     * A receipt as typed. Against an order: warehouse defaults to the order's, supplier and currency
     * are the order's, each line names its order line (whose cost is the default). Free: the
     * warehouse is required, each line names its item.
     */
    public record ReceiptDraft(Long purchaseOrderId, Long warehouseId, Long supplierId, String currency,
                               String supplierDocument, String notes, List<ReceiptLineInput> lines) {
    }

    public record ReceiptLineInput(Long orderLineId, Long itemId, String lotCode, LocalDate expiresOn,
                                   BigDecimal quantity, BigDecimal unitCost) {
    }

    public GoodsReceipt find(long id) {
        GoodsReceipt r = em.find(GoodsReceipt.class, id);
        if (r == null || !LocationScope.visible(r.getLocationId())) {
            throw new NotFound("No goods receipt " + id + ".").withKey("purchasing.goodsReceipt", id);
        }
        return r;
    }

    public Page<GoodsReceipt> list(Long locationId, Long purchaseOrderId, int page, int size) {
        List<Long> locations = warehouses.visibleLocationIds(locationId);
        if (locations.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        String where = " where r.locationId in :locations"
                + (purchaseOrderId == null ? "" : " and r.purchaseOrder.id = :order");
        TypedQuery<GoodsReceipt> q = em.createQuery("select r from GoodsReceipt r" + where
                + " order by r.receivedAt desc, r.id desc", GoodsReceipt.class).setParameter("locations", locations);
        TypedQuery<Long> count = em.createQuery("select count(r) from GoodsReceipt r" + where, Long.class)
                .setParameter("locations", locations);
        if (purchaseOrderId != null) {
            q.setParameter("order", purchaseOrderId);
            count.setParameter("order", purchaseOrderId);
        }
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    public GoodsReceipt receive(ReceiptDraft draft) {
        if (draft.lines() == null || draft.lines().isEmpty()) {
            throw new RuleViolation("lines: a receipt receives at least one line.").withKey("purchasing.receiptReceivesLeast");
        }
        PurchaseOrder order = draft.purchaseOrderId() == null ? null : orders.find(draft.purchaseOrderId());
        Warehouse warehouse;
        Supplier supplier;
        String currency;
        if (order != null) {
            order.requireReceivable();
            warehouse = warehouses.usable(draft.warehouseId() == null ? order.getWarehouseId() : draft.warehouseId());
            if (warehouse.getLocationId() != order.getLocationId()) {
                throw new RuleViolation("warehouseId: " + order.getNumber() + " is delivered at its own location.").withKey("purchasing.deliveredOwnLocation", order.getNumber());
            }
            supplier = order.getSupplier();
            currency = order.getCurrency();
        } else {
            if (draft.warehouseId() == null) {
                throw new RuleViolation("warehouseId: a receipt without a purchase order names its warehouse.").withKey("purchasing.receiptWithoutPurchase");
            }
            warehouse = warehouses.usable(draft.warehouseId());
            supplier = draft.supplierId() == null ? null : supplier(draft.supplierId());
            currency = draft.currency() == null || draft.currency().isBlank()
                    ? company.current().currency().getCurrencyCode() : draft.currency();
        }
        Location location = em.find(Location.class, warehouse.getLocationId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, location.zone());
        boolean mayExceed = LocationScope.callerCan(Module.PURCHASING, Action.APPROVE);

        List<Resolved> resolved = new ArrayList<>();
        for (ReceiptLineInput in : draft.lines()) {
            PurchaseOrderLine orderLine = null;
            long itemId;
            if (order != null) {
                if (in.orderLineId() == null) {
                    throw new RuleViolation("lines.orderLineId: a receipt against " + order.getNumber()
                            + " names the order line of each product.").withKey("purchasing.receiptAgainstNames", order.getNumber());
                }
                orderLine = order.line(in.orderLineId());
                itemId = orderLine.getItemId();
            } else {
                if (in.itemId() == null) {
                    throw new RuleViolation("lines.itemId: name the product received.").withKey("purchasing.nameProductReceived");
                }
                itemId = in.itemId();
            }
            Item item = catalog.goods(itemId);
            BigDecimal cost = in.unitCost() != null ? in.unitCost() : orderLine != null ? orderLine.getUnitCost() : null;
            if (cost == null || cost.signum() < 0) {
                throw new RuleViolation("lines.unitCost: what one unit cost, zero or more.").withKey("purchasing.whatUnitCost");
            }
            resolved.add(new Resolved(in, orderLine, item, TypedQuantity.positive(in.quantity(), "lines.quantity"), unitCost(cost, currency)));
        }
        // Lots are locked in one order by every receipt, so two receipts into the same lots queue.
        resolved.sort(Comparator.comparingLong((Resolved r) -> r.item.getId())
                .thenComparing(r -> r.input.lotCode() == null ? "" : r.input.lotCode().strip().toUpperCase()));

        GoodsReceipt receipt = new GoodsReceipt(numbers.next(PurchasingNumbers.RECEIPT), order, supplier,
                warehouse.getLocationId(), warehouse.getId(), currency, draft.supplierDocument(), draft.notes(), now);
        em.persist(receipt);
        em.flush();

        Map<Resolved, InventoryLot> lotOf = new HashMap<>();
        for (Resolved r : resolved) {
            lotOf.put(r, lots.arrivalLot(r.item, r.input.lotCode(), r.input.expiresOn(), today, r.cost,
                    LotOrigin.GOODS_RECEIPT, receipt.getId()));
        }
        Map<Long, Quantity> held = keeper.heldByLot(lotOf.values().stream().map(InventoryLot::getId).toList());
        Map<Resolved, GoodsReceiptLine> lineOf = new HashMap<>();
        for (Resolved r : resolved) {
            InventoryLot lot = lotOf.get(r);
            Quantity before = held.getOrDefault(lot.getId(), Quantity.ZERO);
            lot.receive(r.quantity, r.cost, r.input.expiresOn(), before);
            held.put(lot.getId(), before.plus(r.quantity));
            lineOf.put(r, receipt.add(r.orderLine, r.item.getId(), lot.getId(), lot.getCode(), lot.getExpiresOn(),
                    r.quantity.value(), r.cost.amount()));
            if (order != null) {
                order.receive(r.orderLine, r.quantity.value(), mayExceed);
            }
        }
        em.flush();

        List<StockKey> keys = resolved.stream()
                .map(r -> new StockKey(warehouse.getId(), r.item.getId(), lotOf.get(r).getId())).toList();
        LockedStock stock = keeper.lock(List.of(), keys);
        var policy = settings.current().policy();
        for (Resolved r : resolved) {
            StockMove in = StockMove.of(StockMoveType.IN, warehouse.getId(), r.item.getId(), lotOf.get(r).getId(),
                    r.quantity);
            stock.apply(in, r.cost, MoveReference.line(MoveReference.Type.GOODS_RECEIPT, receipt.getId(),
                    lineOf.get(r).getId()), null, policy);
        }
        keeper.write(stock);
        return receipt;
    }

    private Supplier supplier(long id) {
        Supplier s = em.find(Supplier.class, id);
        if (s == null) {
            throw new RuleViolation("supplierId: there is no supplier " + id + ".").withKey("purchasing.supplier", id);
        }
        return s;
    }

    private static UnitCost unitCost(BigDecimal value, String currency) {
        if (value.stripTrailingZeros().scale() > UnitCost.SCALE) {
            throw new RuleViolation("lines.unitCost: at most six decimals; got " + value.toPlainString() + ".").withKey("purchasing.mostSixDecimals", value.toPlainString());
        }
        return new UnitCost(value, Currency.getInstance(currency));
    }

    /** One input line with what it names, checked. */
    private static final class Resolved {
        final ReceiptLineInput input;
        final PurchaseOrderLine orderLine;
        final Item item;
        final Quantity quantity;
        final UnitCost cost;

        Resolved(ReceiptLineInput input, PurchaseOrderLine orderLine, Item item, Quantity quantity, UnitCost cost) {
            this.input = input;
            this.orderLine = orderLine;
            this.item = item;
            this.quantity = quantity;
            this.cost = cost;
        }
    }
}
