package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockOperations;
import io.cuadra.inventory.domain.Wastage;
import io.cuadra.inventory.domain.WastageReason;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.inventory.InventoryViews.WastageView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;

/** Wastage (mermas): goods written off a lot, with why. */
@RequestScoped
@Path("inventory/wastage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: wastage")
@SecurityRequirement(name = "bearer")
public class WastageResource {

    @EJB
    StockOperations operations;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Wastage of your warehouses (or one), newest first")
    public PageView<WastageView> listWastage(@QueryParam("warehouseId") Long warehouseId,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<WastageView> result = operations.listWastage(warehouseId, Page.number(page), Page.size(size, 50))
                .map(WastageView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read one wastage")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = WastageView.class)))
    public Response getWastage(@PathParam("id") long id) {
        Wastage w = operations.findWastage(id);
        return Response.ok(WastageView.of(w)).tag(ETags.of(w.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    @Operation(summary = "Write goods off a lot; a WASTAGE move leaves the warehouse in the same transaction")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = WastageView.class)))
    public Response createWastage(@Valid WastageBody body, @Context UriInfo uri) {
        Wastage w = operations.recordWastage(body.warehouseId, body.itemId, body.lotId, body.quantity,
                WastageReason.valueOf(body.reason), body.notes);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(w.getId())).build())
                .tag(ETags.of(w.getVersion())).entity(WastageView.of(w)).build();
    }

    @Schema(name = "WastageBody")
    public static final class WastageBody {
        @NotNull
        public Long warehouseId;
        @NotNull
        public Long itemId;
        @Schema(description = "Required for items tracked by lot; left out for the others")
        public Long lotId;
        @Schema(example = "2")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @Schema(example = "EXPIRED")
        @NotNull @Pattern(regexp = "EXPIRED|DAMAGED|LOST|THEFT|OTHER")
        public String reason;
        @Size(max = 1000)
        public String notes;
    }
}
