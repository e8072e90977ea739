package io.cuadra.web.inventory;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.CountJobs;
import io.cuadra.inventory.application.CountService;
import io.cuadra.inventory.domain.CountCoverage;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.inventory.InventoryViews.CountView;
import io.cuadra.web.inventory.InventoryViews.SheetLineView;
import io.cuadra.web.platform.ETags;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.time.LocalDate;
import java.util.List;

/**
 * Physical counts: open one for a warehouse, enter counted quantities per lot (in as many batches as
 * needed), then confirm: a batch job writes every adjustment in one transaction and the count shows
 * its progress.
 */
@RequestScoped
@Path("inventory/counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: counts")
@SecurityRequirement(name = "bearer")
public class CountsResource {

    @EJB
    CountService counts;

    @EJB
    CountJobs jobs;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Counts of your warehouses (or one), newest first")
    public PageView<CountView> listCounts(@QueryParam("warehouseId") Long warehouseId,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<CountView> result = counts.list(warehouseId, Page.number(page), Page.size(size, 50))
                .map(c -> CountView.of(c, null));
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "Read a count with the progress of its confirmation (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CountView.class)))
    public Response getCount(@PathParam("id") long id) {
        StockCount c = counts.find(id);
        return Response.ok(view(c)).tag(ETags.of(c.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.INVENTORY, action = Action.CREATE)
    @Operation(summary = "Open a count of a warehouse",
            description = "COMPLETE (default): every lot of the warehouse was looked for, a lot left off the sheet "
                    + "was not found. PARTIAL: only the lots on the sheet are corrected.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CountView.class)))
    public Response createCount(@Valid CountBody body, @Context UriInfo uri) {
        StockCount c = counts.open(body.warehouseId, body.coverage == null ? null : CountCoverage.valueOf(body.coverage),
                body.notes);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(c.getId())).build())
                .tag(ETags.of(c.getVersion())).entity(view(c)).build();
    }

    @GET
    @Path("{id}/lines")
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "The count sheet: every lot the warehouse holds and every lot entered, with book and counted")
    public PageView<SheetLineView> getCountSheet(@PathParam("id") long id, @QueryParam("page") Integer page,
                                                 @QueryParam("size") Integer size) {
        Page<SheetLineView> result = counts.sheet(id, Page.number(page), Page.size(size, 100)).map(SheetLineView::of);
        return PageView.of(result);
    }

    @POST
    @Path("{id}/lines")
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Enter counted quantities (a lot entered again takes the new quantity)",
            description = "Each line names its lot by lotId, or by lotCode (+ expiresOn) for a lot found that was "
                    + "never received, or neither for an item without lots. Up to 5,000 lines per call.")
    @APIResponse(responseCode = "200", description = "Entered; the count with its number of lines",
            content = @Content(schema = @Schema(implementation = CountView.class)))
    public CountView enterCountLines(@PathParam("id") long id, @Valid CountLinesBody body) {
        counts.enter(id, body.lines.stream().map(l -> new CountService.EnteredLine(l.itemId, l.lotId, l.lotCode,
                l.expiresOn, l.counted)).toList());
        return view(counts.find(id));
    }

    @DELETE
    @Path("{id}/lines/{lotId}")
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Take a lot off the sheet")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteCountLine(@PathParam("id") long id, @PathParam("lotId") long lotId) {
        counts.removeLine(id, lotId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/confirmation")
    @Permitted(module = Module.INVENTORY, action = Action.APPROVE)
    @Operation(summary = "Confirm a count; needs If-Match",
            description = "Starts the stock-count-confirmation batch job and answers at once (202): the job writes "
                    + "one ADJUSTMENT per lot whose count differs from the book, all in one transaction. Follow "
                    + "GET /inventory/counts/{id}: adjustmentsDone of adjustments, then status CONFIRMED (or OPEN "
                    + "again with failure).")
    @APIResponse(responseCode = "202", description = "Confirmation started",
            content = @Content(schema = @Schema(implementation = CountView.class)))
    public Response confirmCount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        StockCount c = jobs.confirm(id, ETags.requireVersion(ifMatch));
        return Response.accepted(view(c)).tag(ETags.of(c.getVersion())).build();
    }

    @POST
    @Path("{id}/cancellation")
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    @Operation(summary = "Cancel an open count; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CountView.class)))
    public Response cancelCount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        StockCount c = counts.cancel(id, ETags.requireVersion(ifMatch));
        return Response.ok(view(c)).tag(ETags.of(c.getVersion())).build();
    }

    private CountView view(StockCount c) {
        BatchStatus status = jobs.status(c);
        return CountView.of(c, status == null ? null : status.name());
    }

    @Schema(name = "CountBody")
    public static final class CountBody {
        @NotNull
        public Long warehouseId;
        @Schema(example = "COMPLETE")
        @Pattern(regexp = "COMPLETE|PARTIAL")
        public String coverage;
        @Size(max = 1000)
        public String notes;
    }

    @Schema(name = "CountLinesBody")
    public static final class CountLinesBody {
        @Schema(type = SchemaType.ARRAY, implementation = CountLineBody.class)
        @NotEmpty @Size(max = 5000) @Valid
        public List<CountLineBody> lines;
    }

    @Schema(name = "CountLineBody")
    public static final class CountLineBody {
        @NotNull
        public Long itemId;
        public Long lotId;
        @Size(max = 40)
        public String lotCode;
        public LocalDate expiresOn;
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 3)
        public BigDecimal counted;
    }
}
