package io.cuadra.web.inventory;

import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.application.StockReports.Grouping;
import io.cuadra.inventory.application.StockReports.StockFilter;
import jakarta.faces.model.SelectItem;

import java.util.List;

/** The lots of an item a warehouse holds, as choices "L-01 · vence 2027-01-31 · 12.000". */
final class LotChoices {

    private LotChoices() {
    }

    static List<SelectItem> inWarehouse(StockReports reports, long warehouseId, long itemId) {
        return reports.stockOnHand(new StockFilter(null, warehouseId, itemId, null, null, false), Grouping.LOT, 0, 200)
                .rows().items().stream().map(r -> new SelectItem(r.lotId(), r.lotCode()
                        + (r.expiresOn() == null ? "" : " · " + r.expiresOn()) + " · " + r.onHand())).toList();
    }
}
