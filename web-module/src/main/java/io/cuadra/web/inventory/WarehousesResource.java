package io.cuadra.web.inventory;

import io.cuadra.inventory.application.WarehouseView;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.List;

/** Warehouses of the caller's locations; each location has a default one, opened with the location. */
@RequestScoped
@Path("inventory/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: warehouses")
@SecurityRequirement(name = "bearer")
public class WarehousesResource {

    @EJB
    WarehouseService warehouses;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Warehouses of the locations you work at (optionally of one location)")
    public List<WarehouseView> listWarehouses(@QueryParam("locationId") Long locationId) {
        return warehouses.views(locationId);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read a warehouse (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = WarehouseView.class)))
    public Response getWarehouse(@PathParam("id") long id) {
        WarehouseView w = warehouses.view(id);
        return Response.ok(w).tag(ETags.of(w.version())).build();
    }

    @POST
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Open another warehouse at a location")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = WarehouseView.class)))
    public Response createWarehouse(@Valid WarehouseBody body, @Context UriInfo uri) {
        if (body.locationId == null) {
            // Not @NotNull: an update leaves it out (the location of a warehouse stays).
            throw new BadRequestException("locationId: the location to open the warehouse at is required.");
        }
        WarehouseView w = warehouses.createView(body.locationId, body.code, body.name);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(w.id())).build())
                .tag(ETags.of(w.version())).entity(w).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Rename or close a warehouse; needs If-Match (the default one cannot be closed)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = WarehouseView.class)))
    public Response updateWarehouse(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                    @Valid WarehouseBody body) {
        WarehouseView w = warehouses.updateView(id, ETags.requireVersion(ifMatch), body.code, body.name, body.active);
        return Response.ok(w).tag(ETags.of(w.version())).build();
    }

    @Schema(name = "WarehouseBody")
    public static final class WarehouseBody {
        @Schema(description = "Only read on creation")
        public Long locationId;
        @Schema(example = "FRIO")
        @NotBlank @Size(max = 20)
        public String code;
        @Schema(example = "Refrigerado")
        @NotBlank @Size(max = 120)
        public String name;
        public boolean active = true;
    }
}
