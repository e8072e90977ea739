package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockReports;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.cuadra.web.inventory.InventoryViews.MoneyView;
import io.cuadra.web.inventory.InventoryViews.OrderCostView;
import io.cuadra.web.inventory.InventoryViews.OrderLineCostView;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Cost of goods sold of orders. */
@RequestScoped
@Path("inventory/order-costs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: cost of goods sold")
@SecurityRequirement(name = "bearer")
public class OrderCostsResource {

    @EJB
    StockReports reports;

    @GET
    @Path("{orderId}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Cost of goods sold of a paid order, per line, from the lots it consumed (FIFO cost)")
    public OrderCostView getOrderCost(@PathParam("orderId") long orderId) {
        var costs = reports.orderCosts(orderId);
        Map<String, BigDecimal> total = new TreeMap<>();
        costs.forEach(c -> total.merge(c.getCurrency(), c.getCost(), BigDecimal::add));
        return new OrderCostView(orderId, costs.get(0).getLocationId(),
                costs.stream().map(OrderLineCostView::of).toList(),
                total.entrySet().stream().map(e -> new MoneyView(e.getValue(), e.getKey())).toList());
    }
}
