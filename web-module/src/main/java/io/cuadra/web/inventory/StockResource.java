package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.application.StockReports.Grouping;
import io.cuadra.inventory.application.StockReports.StockFilter;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.inventory.InventoryViews.MoneyView;
import io.cuadra.web.inventory.InventoryViews.StockReportView;
import io.cuadra.web.inventory.InventoryViews.StockRowView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Stock on hand with its value. */
@RequestScoped
@Path("inventory/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: stock")
@SecurityRequirement(name = "bearer")
public class StockResource {

    @EJB
    StockReports reports;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Stock on hand of your locations, valued at each lot's unit cost",
            description = "groupBy LOCATION, WAREHOUSE, ITEM or LOT (default); search matches item name or code, "
                    + "or the start of a lot code; lots at zero are left out unless includeZero=true.")
    public StockReportView getStock(@QueryParam("locationId") Long locationId,
                                    @QueryParam("warehouseId") Long warehouseId, @QueryParam("itemId") Long itemId,
                                    @QueryParam("lotId") Long lotId, @QueryParam("search") String search,
                                    @QueryParam("groupBy") Grouping groupBy, @QueryParam("includeZero") boolean includeZero,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        StockReports.StockReport report = reports.stockOnHand(new StockFilter(locationId, warehouseId, itemId, lotId,
                search, includeZero), groupBy == null ? Grouping.LOT : groupBy, Page.number(page), Page.size(size, 50));
        return new StockReportView(report.rows().items().stream().map(StockRowView::of).toList(),
                report.rows().total(), report.rows().page(), report.rows().size(),
                report.totalValue().stream().map(m -> new MoneyView(m.amount(), m.currency().getCurrencyCode()))
                        .toList());
    }
}
