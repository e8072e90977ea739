package io.cuadra.web.purchasing;

import io.cuadra.purchasing.application.SupplierView;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.PurchaseOrderService;
import io.cuadra.purchasing.application.SupplierService;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderStatus;
import io.cuadra.web.inventory.StockChoices;
import io.cuadra.web.purchasing.PurchasingViews.OrderView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Purchase order editor: a draft's supplier, location, lines; placing it, cancelling it. */
@Named
@ViewScoped
public class PurchaseOrderBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PurchaseOrderService orders;

    @EJB
    SupplierService suppliers;

    @EJB
    ItemService items;

    @Inject
    StockChoices choices;

    private Long id;
    private OrderView order;
    private Long supplierId;
    private Long locationId;
    private Long warehouseId;
    private LocalDate expectedOn;
    private String reference;
    private String currency;
    private String notes;
    private String cancelReason;
    private final List<Line> lines = new ArrayList<>();

    public void open() {
        lines.clear();
        if (id == null) {
            lines.add(new Line());
            return;
        }
        PurchaseOrder o = FacesActions.attempt(() -> orders.find(id));
        if (o == null) {
            return;
        }
        order = OrderView.of(o);
        supplierId = o.getSupplier().getId();
        locationId = o.getLocationId();
        warehouseId = o.getWarehouseId();
        expectedOn = o.getExpectedOn();
        reference = o.getReference();
        currency = o.getCurrency();
        notes = o.getNotes();
        o.getLines().forEach(l -> {
            Line line = new Line();
            line.itemCode = items.find(l.getItemId()).getCode();
            line.quantity = l.getQuantityOrdered();
            line.unitCost = l.getUnitCost();
            lines.add(line);
        });
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(Line line) {
        lines.remove(line);
    }

    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    public void save() {
        List<PurchaseOrderService.LineInput> inputs = new ArrayList<>();
        for (Line line : lines) {
            Item item = choices.item(line.itemCode);
            if (item == null) {
                return;
            }
            inputs.add(new PurchaseOrderService.LineInput(item.getId(), line.quantity, line.unitCost));
        }
        PurchaseOrderService.OrderDraft draft = new PurchaseOrderService.OrderDraft(supplierId == null ? 0 : supplierId,
                locationId == null ? 0 : locationId, warehouseId, expectedOn, reference, currency, notes, inputs);
        PurchaseOrder saved = FacesActions.attempt(() -> id == null ? orders.create(draft)
                : orders.update(id, order.version(), draft));
        if (saved != null) {
            id = saved.getId();
            FacesActions.info(Texts.get("purchaseOrders.saved", saved.getNumber()));
            open();
        }
    }

    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    public void place() {
        if (FacesActions.succeeded(() -> orders.place(id, order.version()))) {
            FacesActions.info(Texts.get("purchaseOrders.placed", order.number()));
            open();
        }
    }

    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    public void cancelOrder() {
        if (FacesActions.succeeded(() -> orders.cancel(id, order.version(), cancelReason))) {
            open();
        }
    }

    public boolean isDraft() {
        return order == null || PurchaseOrderStatus.DRAFT.name().equals(order.status());
    }

    public boolean isReceivable() {
        return order != null && (PurchaseOrderStatus.ORDERED.name().equals(order.status())
                || PurchaseOrderStatus.PARTIALLY_RECEIVED.name().equals(order.status()));
    }

    public List<SupplierView> getSuppliers() {
        return suppliers.views(null, true, 0, 200).items();
    }

    public OrderView getOrder() {
        return order;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getSupplierId() {
        return supplierId;
    }

    public void setSupplierId(Long supplierId) {
        this.supplierId = supplierId;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(Long warehouseId) {
        this.warehouseId = warehouseId;
    }

    public LocalDate getExpectedOn() {
        return expectedOn;
    }

    public void setExpectedOn(LocalDate expectedOn) {
        this.expectedOn = expectedOn;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    /** One line being typed. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String itemCode;
        private BigDecimal quantity;
        private BigDecimal unitCost;

        public String getItemCode() {
            return itemCode;
        }

        public void setItemCode(String itemCode) {
            this.itemCode = itemCode;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getUnitCost() {
            return unitCost;
        }

        public void setUnitCost(BigDecimal unitCost) {
            this.unitCost = unitCost;
        }
    }
}
