package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.LotService;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.inventory.InventoryViews.LotView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Lots of the tenant's items, with their stock per warehouse. */
@RequestScoped
@Path("inventory/lots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: lots")
@SecurityRequirement(name = "bearer")
public class LotsResource {

    @EJB
    LotService lots;

    @EJB
    StockReports reports;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Lots by expiry (undated last); code matches the start of the lot code")
    public PageView<LotView> listLots(@QueryParam("itemId") Long itemId, @QueryParam("code") String code,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<LotView> result = lots.list(itemId, code, Page.number(page), Page.size(size, 50))
                .map(l -> LotView.of(l, List.of()));
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read a lot with its stock in each warehouse you may see (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LotView.class)))
    public Response getLot(@PathParam("id") long id) {
        StockReports.LotWithBalances read = reports.lot(id);
        return Response.ok(LotView.of(read.lot(), read.balances())).tag(ETags.of(read.lot().getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Correct a lot's expiry date; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LotView.class)))
    public Response updateLot(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                              @Valid LotBody body) {
        InventoryLot l = lots.correctExpiry(id, ETags.requireVersion(ifMatch), body.expiresOn);
        return Response.ok(LotView.of(l, reports.lotBalances(id))).tag(ETags.of(l.getVersion())).build();
    }

    @Schema(name = "LotBody")
    public static final class LotBody {
        @Schema(description = "The date printed on the goods (ISO)", example = "2027-03-31")
        public LocalDate expiresOn;
    }
}
