package io.cuadra.web.inventory;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockOperations;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.Wastage;
import io.cuadra.inventory.domain.WastageReason;
import io.cuadra.web.inventory.InventoryViews.WastageView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** Wastage form: warehouse, item, one of its lots there, quantity, reason; and the latest wastage. */
@Named
@ViewScoped
public class WastageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StockOperations operations;

    @EJB
    StockReports reports;

    @EJB
    io.cuadra.inventory.application.LotService lotService;

    private transient java.util.Map<Long, String> lotLabels;

    @Inject
    StockChoices choices;

    private Long warehouseId;
    private String itemCode;
    private Long itemId;
    private List<SelectItem> lots = List.of();
    private Long lotId;
    private BigDecimal quantity;
    private WastageReason reason = WastageReason.EXPIRED;
    private String notes;

    /** After the item code (or the warehouse) changes: the item's lots in that warehouse. */
    public void findLots() {
        lotId = null;
        lots = List.of();
        Item item = choices.item(itemCode);
        itemId = item == null ? null : item.getId();
        if (item != null && warehouseId != null) {
            lots = LotChoices.inWarehouse(reports, warehouseId, itemId);
        }
    }

    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    public void save() {
        if (itemId == null || warehouseId == null) {
            FacesActions.error(Texts.get("stock.itemRequired"));
            return;
        }
        Wastage saved = FacesActions.attempt(() -> operations.recordWastage(warehouseId, itemId, lotId, quantity,
                reason, notes));
        if (saved != null) {
            FacesActions.info(Texts.get("wastage.saved", saved.getQuantity(), itemCode));
            quantity = null;
            notes = null;
            findLots();
        }
    }

    /** A lot by its code, not its id; an item without lots says so. */
    public String lotLabel(long lotId) {
        if (lotLabels == null) {
            lotLabels = new java.util.HashMap<>();
        }
        return lotLabels.computeIfAbsent(lotId, id -> {
            io.cuadra.inventory.domain.InventoryLot lot = lotService.find(id);
            return lot.isImplicit() ? Texts.get("wastage.noLot") : lot.getCode();
        });
    }

    public List<WastageView> getRecent() {
        return operations.listWastage(null, 0, 20).items().stream().map(WastageView::of).toList();
    }

    public List<SelectItem> getLots() {
        return lots;
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(Long warehouseId) {
        this.warehouseId = warehouseId;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public Long getLotId() {
        return lotId;
    }

    public void setLotId(Long lotId) {
        this.lotId = lotId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public WastageReason getReason() {
        return reason;
    }

    public void setReason(WastageReason reason) {
        this.reason = reason;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
