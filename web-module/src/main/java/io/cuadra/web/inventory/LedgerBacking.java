package io.cuadra.web.inventory;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.web.inventory.InventoryViews.LedgerLineView;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Item ledger page: the moves of an item in a warehouse with the running balance, older pages on demand. */
@Named
@ViewScoped
public class LedgerBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @EJB
    StockReports reports;

    @EJB
    ItemService items;

    @Inject
    StockChoices choices;

    private Long itemId;
    private Long warehouseId;
    private String itemCode;
    private String itemName;
    private BigDecimal onHand;
    private Long next;
    private final List<LedgerLineView> lines = new ArrayList<>();

    /** Opened from the stock page with itemId and warehouseId. */
    public void open() {
        if (itemId != null && warehouseId != null && lines.isEmpty()) {
            Item item = FacesActions.attempt(() -> items.find(itemId));
            if (item != null) {
                itemCode = item.getCode();
                itemName = item.getName();
                load(null);
            }
        }
    }

    public void show() {
        Item item = choices.item(itemCode);
        if (item == null || warehouseId == null) {
            return;
        }
        itemId = item.getId();
        itemName = item.getName();
        lines.clear();
        load(null);
    }

    public void older() {
        if (next != null) {
            load(next);
        }
    }

    private void load(Long before) {
        StockReports.LedgerPage page = FacesActions.attempt(() -> reports.itemLedger(warehouseId, itemId, before, PAGE));
        if (page != null) {
            onHand = page.onHand();
            next = page.next();
            page.lines().forEach(l -> lines.add(LedgerLineView.of(l)));
        }
    }

    public List<LedgerLineView> getLines() {
        return lines;
    }

    public boolean isMore() {
        return next != null;
    }

    public BigDecimal getOnHand() {
        return onHand;
    }

    public String getItemName() {
        return itemName;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
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
}
