package io.cuadra.web.purchasing;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.inventory.domain.Lot;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.GoodsReceiptService;
import io.cuadra.purchasing.application.PurchaseOrderService;
import io.cuadra.purchasing.domain.GoodsReceipt;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.web.inventory.StockChoices;
import io.cuadra.web.purchasing.PurchasingViews.ReceiptView;
import io.cuadra.web.l10n.Formats;
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

/**
 * Receiving screen: against a purchase order (its pending lines prefilled) or free (warehouse and
 * products typed); lot code, expiry, quantity and cost per line; one click receives it all.
 */
@Named
@ViewScoped
public class ReceivingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    GoodsReceiptService receipts;

    @EJB
    PurchaseOrderService orders;

    @EJB
    ItemService items;

    @Inject
    Formats fmt;

    @Inject
    StockChoices choices;

    @EJB
    CompanyService companies;

    private Long orderId;
    private String orderLabel;
    private Long warehouseId;
    private String supplierDocument;
    private String notes;
    private final List<Line> lines = new ArrayList<>();
    private String expiredWarning;
    private boolean expiredConfirmed;

    public void open() {
        lines.clear();
        if (orderId == null) {
            lines.add(new Line());
            return;
        }
        PurchaseOrder order = FacesActions.attempt(() -> orders.find(orderId));
        if (order == null) {
            return;
        }
        orderLabel = order.getNumber() + " · " + order.getSupplier().getName();
        warehouseId = order.getWarehouseId();
        order.getLines().stream().filter(l -> l.pending().signum() > 0).forEach(l -> {
            Line line = new Line();
            line.orderLineId = l.getId();
            line.itemCode = items.find(l.getItemId()).getCode();
            line.pending = l.pending();
            line.quantity = l.pending();
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

    /**
     * Expired goods are received only once the clerk confirms it: the goods did arrive and must be
     * counted (to return them to the supplier or write them off), but into a lot that sales skip, and
     * never silently. The warning names the lots and their dates.
     */
    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    public void receive() {
        LocalDate today = LocalDate.now(companies.current().zone());
        List<String> expired = lines.stream()
                .filter(l -> l.quantity != null && l.quantity.signum() > 0 && Lot.expiredOn(l.expiresOn, today))
                .map(l -> (l.lotCode == null ? l.itemCode : l.itemCode + " " + l.lotCode) + " ("
                        + fmt.date(l.expiresOn) + ")")
                .toList();
        if (!expired.isEmpty() && !expiredConfirmed) {
            expiredWarning = Texts.get("receiving.expired.warning", String.join(", ", expired));
            return;
        }
        expiredConfirmed = false;
        expiredWarning = null;
        receiveLines();
    }

    /** The clerk confirmed receiving goods already expired. */
    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    public void receiveExpired() {
        expiredConfirmed = true;
        receive();
    }

    public void keepEditing() {
        expiredWarning = null;
    }

    public String getExpiredWarning() {
        return expiredWarning;
    }

    private void receiveLines() {
        List<GoodsReceiptService.ReceiptLineInput> inputs = new ArrayList<>();
        for (Line line : lines) {
            if (line.quantity == null || line.quantity.signum() == 0) {
                continue;
            }
            Long itemId = null;
            if (line.orderLineId == null) {
                Item item = choices.item(line.itemCode);
                if (item == null) {
                    return;
                }
                itemId = item.getId();
            }
            inputs.add(new GoodsReceiptService.ReceiptLineInput(line.orderLineId, itemId, line.lotCode, line.expiresOn,
                    line.quantity, line.unitCost));
        }
        GoodsReceipt receipt = FacesActions.attempt(() -> receipts.receive(new GoodsReceiptService.ReceiptDraft(orderId,
                warehouseId, null, null, supplierDocument, notes, inputs)));
        if (receipt != null) {
            FacesActions.info(Texts.get("receiving.saved", receipt.getNumber(), receipt.getLines().size()));
            supplierDocument = null;
            notes = null;
            open();
        }
    }

    public List<ReceiptView> getRecent() {
        return receipts.list(null, orderId, 0, 20).items().stream().map(ReceiptView::of).toList();
    }

    public boolean isAgainstOrder() {
        return orderId != null;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public String getOrderLabel() {
        return orderLabel;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(Long warehouseId) {
        this.warehouseId = warehouseId;
    }

    public String getSupplierDocument() {
        return supplierDocument;
    }

    public void setSupplierDocument(String supplierDocument) {
        this.supplierDocument = supplierDocument;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    /** One line being received. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long orderLineId;
        private String itemCode;
        private BigDecimal pending;
        private String lotCode;
        private LocalDate expiresOn;
        private BigDecimal quantity;
        private BigDecimal unitCost;

        public Long getOrderLineId() {
            return orderLineId;
        }

        public String getItemCode() {
            return itemCode;
        }

        public void setItemCode(String itemCode) {
            this.itemCode = itemCode;
        }

        public BigDecimal getPending() {
            return pending;
        }

        public String getLotCode() {
            return lotCode;
        }

        public void setLotCode(String lotCode) {
            this.lotCode = lotCode;
        }

        public LocalDate getExpiresOn() {
            return expiresOn;
        }

        public void setExpiresOn(LocalDate expiresOn) {
            this.expiresOn = expiresOn;
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
