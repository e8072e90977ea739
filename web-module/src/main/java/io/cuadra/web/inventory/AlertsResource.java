package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockReports;
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
import io.cuadra.web.inventory.InventoryViews.AlertsView;

/** Alerts of a location: low stock and lots about to expire. */
@RequestScoped
@Path("inventory/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: alerts")
@SecurityRequirement(name = "bearer")
public class AlertsResource {

    @EJB
    StockReports reports;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Items below their critical level and lots expiring soon at a location",
            description = "Available = on hand − reserved over the location's warehouses. Lots expiring within "
                    + "the tenant's expiryAlertDays, already expired ones first (negative daysLeft).")
    public AlertsView getStockAlerts(@QueryParam("locationId") long locationId) {
        return AlertsView.of(reports.alerts(locationId));
    }
}
