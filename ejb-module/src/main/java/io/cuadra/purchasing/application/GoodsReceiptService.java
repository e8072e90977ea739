package io.cuadra.purchasing.application;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.LocationScope;
import io.cuadra.inventory.application.StockIntake;
import io.cuadra.inventory.application.WarehouseService;
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
import java.util.List;

/**
 * Goods receipts: the receipt and the purchase order's received quantities and status, with inventory taking the
 * goods in (lots and IN moves, through its {@link StockIntake}), all in one transaction.
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
    StockIntake intake;

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

        // Each input line with the order line it names; the arrivals in the order every receipt locks lots in
        // (item, then lot code), so two receipts into the same lots queue rather than deadlock.
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
            BigDecimal cost = in.unitCost() != null ? in.unitCost() : orderLine != null ? orderLine.getUnitCost() : null;
            resolved.add(new Resolved(orderLine,
                    new StockIntake.Arrival(itemId, in.lotCode(), in.expiresOn(), in.quantity(), cost)));
        }
        resolved.sort(Comparator.comparingLong((Resolved r) -> r.arrival.itemId())
                .thenComparing(r -> r.arrival.lotCode() == null ? "" : r.arrival.lotCode().strip().toUpperCase()));
        StockIntake.Delivery delivery = intake.check(currency,
                resolved.stream().map(Resolved::arrival).toList(), "lines");

        GoodsReceipt receipt = new GoodsReceipt(numbers.next(PurchasingNumbers.RECEIPT), order, supplier,
                warehouse.getLocationId(), warehouse.getId(), currency, draft.supplierDocument(), draft.notes(), now);
        em.persist(receipt);
        em.flush();

        List<StockIntake.ArrivedLot> lots = intake.receiveLots(delivery, today, receipt.getId());
        List<GoodsReceiptLine> lines = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            Resolved r = resolved.get(i);
            StockIntake.ArrivedLot lot = lots.get(i);
            lines.add(receipt.add(r.orderLine, r.arrival.itemId(), lot.lotId(), lot.lotCode(), lot.expiresOn(),
                    delivery.quantity(i), delivery.unitCost(i)));
            if (order != null) {
                order.receive(r.orderLine, delivery.quantity(i), mayExceed);
            }
        }
        em.flush();
        intake.book(delivery, warehouse.getId(), receipt.getId(), lines.stream().map(GoodsReceiptLine::getId).toList());
        return receipt;
    }

    private Supplier supplier(long id) {
        Supplier s = em.find(Supplier.class, id);
        if (s == null) {
            throw new RuleViolation("supplierId: there is no supplier " + id + ".").withKey("purchasing.supplier", id);
        }
        return s;
    }

    /** One input line: the purchase order line it names (if any) and what arrives. */
    private record Resolved(PurchaseOrderLine orderLine, StockIntake.Arrival arrival) {
    }
}
