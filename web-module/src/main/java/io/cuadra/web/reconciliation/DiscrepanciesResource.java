package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.domain.closure.ClosureDiscrepancy;
import io.cuadra.reconciliation.domain.closure.DiscrepancyType;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.reconciliation.ReconciliationViews.DiscrepancyView;
import io.cuadra.web.reconciliation.ReconciliationViews.OpenView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** Discrepancies of the caller's locations: browse them, and resolve them one by one with notes. */
@RequestScoped
@Path("reconciliation/discrepancies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation discrepancies")
@SecurityRequirement(name = "bearer")
public class DiscrepanciesResource {

    @EJB
    ClosureService closures;

    @GET
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "List discrepancies by location, status (OPEN, RESOLVED, CLEARED), type and business days")
    public PageView<DiscrepancyView> listDiscrepancies(@QueryParam("locationId") Long locationId,
                                                       @QueryParam("status") ClosureDiscrepancy.Status status,
                                                       @QueryParam("type") DiscrepancyType type,
                                                       @QueryParam("from") LocalDate from,
                                                       @QueryParam("to") LocalDate to, @QueryParam("page") Integer page,
                                                       @QueryParam("size") Integer size) {
        Page<DiscrepancyView> result = closures.discrepancies(locationId, status, type, from, to, Page.number(page), Page.size(size, 50)).map(DiscrepancyView::of);
        return PageView.of(result);
    }

    @GET
    @Path("open-by-location")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "How many discrepancies are open per location, and since which day")
    public List<OpenView> countOpenDiscrepancies() {
        return closures.openByLocation().stream().map(OpenView::of).toList();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Read a discrepancy (ETag = version)")
    @APIResponse(responseCode = "200", description = "The discrepancy",
            content = @Content(schema = @Schema(implementation = DiscrepancyView.class)))
    public Response getDiscrepancy(@PathParam("id") long id) {
        ClosureDiscrepancy d = closures.discrepancy(id);
        return Response.ok(DiscrepancyView.of(d)).tag(ETags.of(d.getVersion())).build();
    }

    @POST
    @Path("{id}/resolve")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Resolve an open discrepancy with notes; needs If-Match",
            description = "Who and when are recorded with the notes, and the change is audited.")
    @APIResponse(responseCode = "200", description = "Resolved",
            content = @Content(schema = @Schema(implementation = DiscrepancyView.class)))
    public Response resolveDiscrepancy(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                       @Valid ResolveBody body) {
        ClosureDiscrepancy d = closures.resolve(id, ETags.requireVersion(ifMatch), body.notes);
        return Response.ok(DiscrepancyView.of(d)).tag(ETags.of(d.getVersion())).build();
    }

    @Schema(name = "DiscrepancyResolveBody")
    public static final class ResolveBody {
        @Schema(example = "Boleta B001-00000456 emitida el 21/11; cliente avisado")
        @NotBlank @Size(max = 2000)
        public String notes;
    }
}
