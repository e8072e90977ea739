package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockOperations;
import io.cuadra.inventory.domain.WarehouseTransfer;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.inventory.InventoryViews.TransferView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

/** Transfers between warehouses (of one location or two): out and in, same lots, one transaction. */
@RequestScoped
@Path("inventory/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: transfers")
@SecurityRequirement(name = "bearer")
public class TransfersResource {

    @EJB
    StockOperations operations;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Transfers from or to your warehouses (or one), newest first")
    public PageView<TransferView> listTransfers(@QueryParam("warehouseId") Long warehouseId,
                                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<TransferView> result = operations.listTransfers(warehouseId, Page.number(page), Page.size(size, 50))
                .map(TransferView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read one transfer")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    public Response getTransfer(@PathParam("id") long id) {
        WarehouseTransfer t = operations.findTransfer(id);
        return Response.ok(TransferView.of(t)).tag(ETags.of(t.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    @Operation(summary = "Move lots from one of your warehouses to another warehouse",
            description = "A line without lotId lets FEFO choose the lots. Each lot arrives as itself (code, expiry, "
                    + "cost): TRANSFER_OUT at the source and TRANSFER_IN at the destination.")
    @APIResponse(responseCode = "201", description = "Transferred",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    public Response createTransfer(@Valid TransferBody body, @Context UriInfo uri) {
        WarehouseTransfer t = operations.transfer(body.fromWarehouseId, body.toWarehouseId, body.lines.stream()
                .map(l -> new StockOperations.TransferLine(l.itemId, l.lotId, l.quantity)).toList(), body.notes);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(t.getId())).build())
                .tag(ETags.of(t.getVersion())).entity(TransferView.of(t)).build();
    }

    @Schema(name = "TransferBody")
    public static final class TransferBody {
        @NotNull
        public Long fromWarehouseId;
        @NotNull
        public Long toWarehouseId;
        @Size(max = 1000)
        public String notes;
        @Schema(type = SchemaType.ARRAY, implementation = TransferLineBody.class)
        @NotEmpty @Size(max = 500) @Valid
        public List<TransferLineBody> lines;
    }

    @Schema(name = "TransferLineBody")
    public static final class TransferLineBody {
        @NotNull
        public Long itemId;
        @Schema(description = "The lot to move; left out, FEFO chooses")
        public Long lotId;
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
    }
}
