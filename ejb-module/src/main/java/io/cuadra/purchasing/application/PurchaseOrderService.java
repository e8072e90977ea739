package io.cuadra.purchasing.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.application.LocationScope;
import io.cuadra.inventory.application.StockCatalog;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.purchasing.domain.PurchaseLineDraft;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderStatus;
import io.cuadra.purchasing.domain.Supplier;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Purchase orders of the locations the caller works at. */
@Stateless
public class PurchaseOrderService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    SupplierService suppliers;

    @EJB
    WarehouseService warehouses;

    @EJB
    StockCatalog catalog;

    @EJB
    CompanyService company;

    @EJB
    PurchasingNumbers numbers;

    /** What the buyer writes; a null warehouse means the location's default one, a null currency the company's. */
    public record OrderDraft(long supplierId, long locationId, Long warehouseId, LocalDate expectedOn, String reference,
                             String currency, String notes, List<LineInput> lines) {
    }

    public record LineInput(long itemId, BigDecimal quantity, BigDecimal unitCost) {
    }

    public Page<PurchaseOrder> list(Long locationId, PurchaseOrderStatus status, Long supplierId, int page, int size) {
        List<Long> locations = warehouses.visibleLocationIds(locationId);
        if (locations.isEmpty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        StringBuilder where = new StringBuilder(" where o.locationId in :locations");
        Map<String, Object> params = new HashMap<>();
        params.put("locations", locations);
        if (status != null) {
            where.append(" and o.status = :status");
            params.put("status", status);
        }
        if (supplierId != null) {
            where.append(" and o.supplier.id = :supplier");
            params.put("supplier", supplierId);
        }
        TypedQuery<PurchaseOrder> q = em.createQuery("select o from PurchaseOrder o" + where
                + " order by o.createdAt desc, o.id desc", PurchaseOrder.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from PurchaseOrder o" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    public PurchaseOrder find(long id) {
        PurchaseOrder o = em.find(PurchaseOrder.class, id);
        if (o == null || !LocationScope.visible(o.getLocationId())) {
            throw new NotFound("No purchase order " + id + ".").withKey("purchasing.purchaseOrder", id);
        }
        return o;
    }

    public PurchaseOrder create(OrderDraft draft) {
        Location location = em.find(Location.class, draft.locationId());
        if (location == null || !LocationScope.visible(draft.locationId())) {
            throw new RuleViolation("locationId: there is no location " + draft.locationId() + ".").withKey("inventory.location", draft.locationId());
        }
        Supplier supplier = supplier(draft.supplierId());
        Warehouse warehouse = warehouse(draft);
        String currency = draft.currency() == null || draft.currency().isBlank()
                ? company.current().currency().getCurrencyCode() : draft.currency();
        PurchaseOrder order = new PurchaseOrder(numbers.next(PurchasingNumbers.ORDER), supplier, location.getId(),
                warehouse.getId(), currency);
        order.describe(draft.expectedOn(), draft.reference(), draft.notes());
        order.replaceLines(lines(draft.lines()));
        em.persist(order);
        em.flush();
        return order;
    }

    public PurchaseOrder update(long id, long expectedVersion, OrderDraft draft) {
        PurchaseOrder order = find(id);
        Versions.expect(expectedVersion, order.getVersion(), "Purchase order " + order.getNumber());
        if (draft.locationId() != order.getLocationId()) {
            throw new RuleViolation("locationId: a purchase order stays at its location; cancel it and order again.").withKey("purchasing.purchaseOrderStays");
        }
        if (draft.currency() != null && !draft.currency().isBlank() && !draft.currency().equals(order.getCurrency())) {
            throw new RuleViolation("currency: the order is in " + order.getCurrency() + ".").withKey("purchasing.order", order.getCurrency());
        }
        order.deliverTo(supplier(draft.supplierId()), warehouse(draft).getId());
        order.describe(draft.expectedOn(), draft.reference(), draft.notes());
        order.replaceLines(lines(draft.lines()));
        em.flush();
        return order;
    }

    public PurchaseOrder place(long id, long expectedVersion) {
        PurchaseOrder order = find(id);
        Versions.expect(expectedVersion, order.getVersion(), "Purchase order " + order.getNumber());
        order.place(Instant.now());
        em.flush();
        return order;
    }

    public PurchaseOrder cancel(long id, long expectedVersion, String reason) {
        PurchaseOrder order = find(id);
        Versions.expect(expectedVersion, order.getVersion(), "Purchase order " + order.getNumber());
        order.cancel(reason, Instant.now());
        em.flush();
        return order;
    }

    private Supplier supplier(long id) {
        Supplier s = em.find(Supplier.class, id);
        if (s == null) {
            throw new RuleViolation("supplierId: there is no supplier " + id + ".").withKey("purchasing.supplier", id);
        }
        return s;
    }

    private Warehouse warehouse(OrderDraft draft) {
        if (draft.warehouseId() == null) {
            return warehouses.defaultOf(draft.locationId());
        }
        Warehouse w = warehouses.usable(draft.warehouseId());
        if (w.getLocationId() != draft.locationId()) {
            throw new RuleViolation("warehouseId: warehouse " + w.getCode() + " is not at location "
                    + draft.locationId() + ".").withKey("purchasing.warehouseLocation", w.getCode(), draft.locationId());
        }
        return w;
    }

    /** Products only; each line snapshots the tax percent of its product's rate today. */
    private List<PurchaseLineDraft> lines(List<LineInput> inputs) {
        Objects.requireNonNull(inputs, "lines");
        return inputs.stream().map(in -> {
            Item item = catalog.goods(in.itemId());
            return new PurchaseLineDraft(item.getId(), in.quantity(), in.unitCost(), item.getTaxRate().getPercent());
        }).toList();
    }
}
