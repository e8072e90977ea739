package io.cuadra.web.inventory;

import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.application.StockReports.Grouping;
import io.cuadra.inventory.application.StockReports.StockFilter;
import io.cuadra.shared.domain.Money;
import io.cuadra.web.inventory.InventoryViews.StockRowView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Stock page: stock on hand with value, filtered by location, warehouse and text, grouped as asked. */
@Named
@ViewScoped
public class StockBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    StockReports reports;

    private Long locationId;
    private Long warehouseId;
    private String search;
    private Grouping grouping = Grouping.LOT;
    private boolean includeZero;
    private String totals = "";

    private final LazyDataModel<StockRowView> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) report(0, 1).rows().total();
        }

        @Override
        public List<StockRowView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            StockReports.StockReport report = report(first / pageSize, pageSize);
            setRowCount((int) report.rows().total());
            totals = report.totalValue().stream().map(StockBacking::format).collect(Collectors.joining(" · "));
            return report.rows().items().stream().map(StockRowView::of).toList();
        }

        @Override
        public String getRowKey(StockRowView row) {
            return row.locationId() + "/" + row.warehouseId() + "/" + row.itemId() + "/" + row.lotId() + "/"
                    + row.currency();
        }
    };

    private StockReports.StockReport report(int page, int size) {
        return reports.stockOnHand(new StockFilter(locationId, warehouseId, null, null, search, includeZero), grouping,
                page, size);
    }

    /** A total as every amount on the page reads: the currency's symbol and the reader's separators (S/ 1,234.50). */
    static String format(Money m) {
        return jakarta.enterprise.inject.spi.CDI.current().select(io.cuadra.web.l10n.Formats.class).get()
                .money(m.amount(), m.currency().getCurrencyCode());
    }

    public List<Grouping> getGroupings() {
        return List.of(Grouping.values());
    }

    public LazyDataModel<StockRowView> getRows() {
        return rows;
    }

    public String getTotals() {
        return totals;
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

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Grouping getGrouping() {
        return grouping;
    }

    public void setGrouping(Grouping grouping) {
        this.grouping = grouping;
    }

    public boolean isIncludeZero() {
        return includeZero;
    }

    public void setIncludeZero(boolean includeZero) {
        this.includeZero = includeZero;
    }
}
