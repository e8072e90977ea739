package io.cuadra.web.inventory;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockOperations;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.WarehouseTransfer;
import io.cuadra.web.inventory.InventoryViews.TransferView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Transfer form: from one of the caller's warehouses to any warehouse, lines of item, lot (or FEFO) and quantity. */
@Named
@ViewScoped
public class TransferBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StockOperations operations;

    @EJB
    StockReports reports;

    @Inject
    StockChoices choices;

    private Long fromId;
    private Long toId;
    private String notes;
    private final List<Line> lines = new ArrayList<>(List.of(new Line()));

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(Line line) {
        lines.remove(line);
    }

    /** The item of a line (or the source) changed: look it up and offer its lots at the source. */
    public void itemChanged(Line line) {
        line.lotId = null;
        line.lots = List.of();
        Item item = choices.item(line.itemCode);
        line.itemId = item == null ? null : item.getId();
        if (item != null && fromId != null) {
            line.lots = LotChoices.inWarehouse(reports, fromId, item.getId());
        }
    }

    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    public void save() {
        List<StockOperations.TransferLine> request = new ArrayList<>();
        for (Line line : lines) {
            if (line.itemId == null) {
                FacesActions.error(Texts.get("stock.itemRequired"));
                return;
            }
            request.add(new StockOperations.TransferLine(line.itemId, line.lotId, line.quantity));
        }
        WarehouseTransfer done = FacesActions.attempt(() -> operations.transfer(fromId == null ? 0 : fromId,
                toId == null ? 0 : toId, request, notes));
        if (done != null) {
            FacesActions.info(Texts.get("transfer.saved", done.getId(), done.getLines().size()));
            lines.clear();
            lines.add(new Line());
            notes = null;
        }
    }

    public List<TransferView> getRecent() {
        return operations.listTransfers(null, 0, 20).items().stream().map(TransferView::of).toList();
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getFromId() {
        return fromId;
    }

    public void setFromId(Long fromId) {
        this.fromId = fromId;
    }

    public Long getToId() {
        return toId;
    }

    public void setToId(Long toId) {
        this.toId = toId;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    /** One line being typed. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String itemCode;
        private Long itemId;
        private List<SelectItem> lots = List.of();
        private Long lotId;
        private BigDecimal quantity;

        public String getItemCode() {
            return itemCode;
        }

        public void setItemCode(String itemCode) {
            this.itemCode = itemCode;
        }

        public List<SelectItem> getLots() {
            return lots;
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
    }
}
