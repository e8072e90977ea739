package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Permission;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.CountJobs;
import io.cuadra.inventory.application.CountService;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.inventory.domain.StockCountStatus;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.inventory.InventoryViews.CountView;
import io.cuadra.web.inventory.InventoryViews.SheetLineView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One count: the sheet page by page (every lot the warehouse holds, with its book quantity and a
 * field for what was counted), saving what was typed, and confirming with a progress bar while the
 * batch job applies it.
 */
@Named
@ViewScoped
public class CountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CountService counts;

    @EJB
    CountJobs jobs;

    @EJB
    UserService users;

    @EJB
    WarehouseService warehouses;

    /** Who may confirm this count, read once per view: the people to ask when the clerk cannot. */
    private String confirmers;

    private Long id;
    private CountView count;
    /** What was typed on the current page, by lot; null: left blank. */
    private final Map<Long, BigDecimal> typed = new HashMap<>();
    private final Map<Long, Long> itemOfLot = new HashMap<>();

    private final LazyDataModel<SheetLineView> sheet = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) counts.sheet(id, 0, 1).total();
        }

        @Override
        public List<SheetLineView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
            Page<SheetLineView> page = counts.sheet(id, first / pageSize, pageSize).map(SheetLineView::of);
            setRowCount((int) page.total());
            typed.clear();
            page.items().forEach(l -> {
                typed.put(l.lotId(), l.counted());
                itemOfLot.put(l.lotId(), l.itemId());
            });
            return page.items();
        }

        @Override
        public String getRowKey(SheetLineView row) {
            return Long.toString(row.lotId());
        }
    };

    public void open() {
        if (id != null) {
            refresh();
        }
    }

    /** Re-reads the count (the progress bar polls this while the job runs). */
    public void refresh() {
        StockCount c = FacesActions.attempt(() -> counts.find(id));
        if (c != null) {
            BatchStatus status = jobs.status(c);
            count = CountView.of(c, status == null ? null : status.name());
        }
    }

    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    public void saveSheet() {
        List<CountService.EnteredLine> lines = new ArrayList<>();
        typed.forEach((lot, counted) -> {
            if (counted != null) {
                lines.add(new CountService.EnteredLine(itemOfLot.get(lot), lot, null, null, counted));
            }
        });
        if (lines.isEmpty()) {
            return;
        }
        if (FacesActions.succeeded(() -> counts.enter(id, lines))) {
            FacesActions.info(Texts.get("count.saved", lines.size()));
            refresh();
        }
    }

    @Permitted(module = Module.INVENTORY, action = Action.APPROVE)
    public void confirm() {
        StockCount c = FacesActions.attempt(() -> jobs.confirm(id, count.version()));
        if (c != null) {
            refresh();
        }
    }

    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    public void cancelCount() {
        if (FacesActions.succeeded(() -> counts.cancel(id, count.version()))) {
            refresh();
        }
    }

    /** Names of the users who can confirm the count at its warehouse's location (inventory:approve). */
    public String getConfirmers() {
        if (confirmers == null && count != null) {
            long location = warehouses.find(count.warehouseId()).getLocationId();
            confirmers = String.join(", ", users.namesHolding(Permission.of(Module.INVENTORY, Action.APPROVE), location));
        }
        return confirmers;
    }

    public boolean isOpen() {
        return count != null && StockCountStatus.OPEN.name().equals(count.status());
    }

    public boolean isConfirming() {
        return count != null && StockCountStatus.CONFIRMING.name().equals(count.status());
    }

    /** Percent of the adjustments written so far. */
    public int getProgress() {
        if (count == null) {
            return 0;
        }
        if (StockCountStatus.CONFIRMED.name().equals(count.status())) {
            return 100;
        }
        return count.adjustments() == 0 ? 0 : (int) (100L * count.adjustmentsDone() / count.adjustments());
    }

    public Map<Long, BigDecimal> getTyped() {
        return typed;
    }

    public LazyDataModel<SheetLineView> getSheet() {
        return sheet;
    }

    public CountView getCount() {
        return count;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
