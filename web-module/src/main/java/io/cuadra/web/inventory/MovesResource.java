package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.inventory.InventoryViews.LedgerView;
import io.cuadra.web.inventory.InventoryViews.MoveView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stock ledger: moves by lot or document, one move, and an item's ledger with its running balance. */
@RequestScoped
@Path("inventory/moves")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: stock moves")
@SecurityRequirement(name = "bearer")
public class MovesResource {

    @EJB
    StockReports reports;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Moves of your warehouses, newest first, of one lot and/or one document",
            description = "referenceType ORDER, GOODS_RECEIPT, TRANSFER, WASTAGE or COUNT with referenceId: the moves "
                    + "that document made.")
    public PageView<MoveView> listMoves(@QueryParam("lotId") Long lotId,
                                        @QueryParam("referenceType") MoveReference.Type referenceType,
                                        @QueryParam("referenceId") Long referenceId, @QueryParam("page") Integer page,
                                        @QueryParam("size") Integer size) {
        Page<MoveView> result = reports.moves(lotId, referenceType, referenceId, Page.number(page),
                Page.size(size, 50)).map(MoveView::of);
        return PageView.of(result);
    }

    @GET
    @Path("ledger")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "The ledger of an item in a warehouse with its running balance, newest first",
            description = "Keyset paging: pass the answer's next as before for the older page. Without warehouseId, "
                    + "the default warehouse of locationId.")
    public LedgerView getItemLedger(@QueryParam("itemId") Long itemId, @QueryParam("warehouseId") Long warehouseId,
                                    @QueryParam("locationId") Long locationId, @QueryParam("before") Long before,
                                    @QueryParam("size") Integer size) {
        if (itemId == null) {
            throw new RuleViolation("itemId: the ledger is of one item.");
        }
        return LedgerView.of(reports.itemLedger(warehouseId, locationId, itemId, before, Page.size(size, 50)));
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read one stock move")
    public MoveView getMove(@PathParam("id") long id) {
        return MoveView.of(reports.move(id));
    }
}
