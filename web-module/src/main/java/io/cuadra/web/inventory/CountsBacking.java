package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.CountService;
import io.cuadra.inventory.domain.CountCoverage;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.web.inventory.InventoryViews.CountView;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** Counts page: the counts of the caller's warehouses and opening a new one. */
@Named
@ViewScoped
public class CountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CountService counts;

    private Long warehouseId;
    private CountCoverage coverage = CountCoverage.COMPLETE;
    private String notes;

    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    public void open() throws IOException {
        StockCount count = FacesActions.attempt(() -> counts.open(warehouseId == null ? 0 : warehouseId, coverage,
                notes));
        if (count != null) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().redirect(ctx.getExternalContext().getRequestContextPath()
                    + "/inventory/count.xhtml?id=" + count.getId());
        }
    }

    public List<CountView> getRows() {
        return counts.list(null, 0, 50).items().stream().map(c -> CountView.of(c, null)).toList();
    }

    public List<CountCoverage> getCoverages() {
        return List.of(CountCoverage.values());
    }

    public Long getWarehouseId() {
        return warehouseId;
    }

    public void setWarehouseId(Long warehouseId) {
        this.warehouseId = warehouseId;
    }

    public CountCoverage getCoverage() {
        return coverage;
    }

    public void setCoverage(CountCoverage coverage) {
        this.coverage = coverage;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
