package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.domain.cash.CashCountLine;
import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.reconciliation.domain.closure.ClosureStatus;
import io.cuadra.reconciliation.domain.cash.DenominationForm;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.reconciliation.infrastructure.report.ClosureReportPdf;
import io.cuadra.reconciliation.infrastructure.report.ClosureReportXlsx;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.Amount;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.platform.FileResponses;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.TableExport;
import io.cuadra.web.reconciliation.ReconciliationViews.CashCountView;
import io.cuadra.web.reconciliation.ReconciliationViews.ClosureView;
import io.cuadra.web.reconciliation.ReconciliationViews.DenominationsView;
import io.cuadra.web.reconciliation.ReconciliationViews.DiscrepancyView;
import io.cuadra.web.reconciliation.ReconciliationViews.JobRunView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Daily closures: run the closure job, read the figures, count the cash, close and reopen, export the report. */
@RequestScoped
@Path("reconciliation/closures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation closures")
@SecurityRequirement(name = "bearer")
public class ClosuresResource {

    static final String PDF = "application/pdf";

    @EJB
    ClosureService closures;

    @EJB
    io.cuadra.identity.application.CompanyService company;

    @POST
    @Path("run")
    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    @Operation(summary = "Start the daily closure job",
            description = "For one location's business day (the day in its own zone), or for every location the caller "
                    + "works at when locationId is left out. A closed day is not touched; an open or reopened one is "
                    + "recomputed. Follow the execution under /reconciliation/jobs/{executionId}.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = JobRunView.class)))
    public Response runClosure(@Valid RunBody body) {
        ReconciliationJobRun run = closures.run(body.locationId, ReconciliationViews.date("businessDate", body.businessDate),
                body.itemCount, body.failAfterItems);
        return Response.accepted(JobRunView.of(run)).build();
    }

    @GET
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "List closures by location, date range and status, newest day first")
    public PageView<ClosureView> listClosures(@QueryParam("locationId") Long locationId, @QueryParam("from") LocalDate from,
                                              @QueryParam("to") LocalDate to, @QueryParam("status") ClosureStatus status,
                                              @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<ClosureView> result = closures.list(locationId, from, to, status, Page.number(page), Page.size(size, 50)).map(ClosureView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Read a closure (ETag = version)")
    @APIResponse(responseCode = "200", description = "The closure",
            content = @Content(schema = @Schema(implementation = ClosureView.class)))
    public Response getClosure(@PathParam("id") long id) {
        Closure c = closures.get(id);
        return Response.ok(ClosureView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @GET
    @Path("{id}/discrepancies")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "The discrepancies of a closure: open, resolved and cleared")
    public List<DiscrepancyView> listClosureDiscrepancies(@PathParam("id") long id) {
        return closures.discrepanciesOf(id).stream().map(DiscrepancyView::of).toList();
    }

    @GET
    @Path("{id}/cash-count")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "The latest drawer count of a closure")
    @APIResponse(responseCode = "200", description = "The latest count",
            content = @Content(schema = @Schema(implementation = CashCountView.class)))
    public CashCountView getCashCount(@PathParam("id") long id) {
        return closures.latestCount(id).map(CashCountView::of).orElseThrow(() ->
                new io.cuadra.shared.domain.NotFound("The cash of closure " + id + " was not counted yet."));
    }

    @POST
    @Path("{id}/cash-count")
    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    @Operation(summary = "Count the drawer by denomination; needs If-Match",
            description = "Denominations not listed count zero. The difference from the expected cash (net of change "
                    + "given) is recorded as found, over or short. Every count is kept; the latest is the closure's.")
    @APIResponse(responseCode = "201", description = "Counted",
            content = @Content(schema = @Schema(implementation = CashCountView.class)))
    public Response countCash(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                              @Valid CashCountBody body) {
        long version = ETags.requireVersion(ifMatch);
        List<CashCountLine> lines = body.lines.stream().map(CountLineBody::line).toList();
        CashCount count = closures.countCash(id, version, lines);
        return Response.status(Response.Status.CREATED).entity(CashCountView.of(count))
                .tag(ETags.of(closures.get(id).getVersion())).build();
    }

    @GET
    @Path("denominations/{currency}")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "The notes and coins of a currency (PEN, EUR), as a drawer is counted")
    public DenominationsView listDenominations(@PathParam("currency") String currency) {
        return DenominationsView.of(closures.denominations(currency.toUpperCase(Locale.ROOT)));
    }

    @POST
    @Path("{id}/close")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Close the day with notes; needs If-Match",
            description = "Recomputes the figures now and freezes the day: its orders and payments can no longer be "
                    + "changed or dated into it.")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = ClosureView.class)))
    public Response closeDay(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                             @Valid CloseBody body) {
        Closure c = closures.close(id, ETags.requireVersion(ifMatch), body.notes);
        return Response.ok(ClosureView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @POST
    @Path("{id}/reopen")
    @Permitted(module = Module.RECONCILIATION, action = Action.APPROVE)
    @Operation(summary = "Reopen a closed day with a reason; needs reconciliation:approve and If-Match",
            description = "The day accepts changes again; closing it again recomputes its figures. Audited.")
    @APIResponse(responseCode = "200", description = "Reopened",
            content = @Content(schema = @Schema(implementation = ClosureView.class)))
    public Response reopenDay(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                              @Valid ReopenBody body) {
        Closure c = closures.reopen(id, ETags.requireVersion(ifMatch), body.reason);
        return Response.ok(ClosureView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @GET
    @Path("{id}/export")
    @Produces({PDF, TableExport.XLSX, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.RECONCILIATION, action = Action.EXPORT)
    @Operation(summary = "The closure report as PDF or XLSX (format=pdf|xlsx)")
    @APIResponse(responseCode = "200", description = "The report file")
    public Response exportClosure(@PathParam("id") long id, @QueryParam("format") ClosureFormat format) {
        ClosureFormat f = format == null ? ClosureFormat.PDF : format;
        var report = closures.report(id);
        String name = "cierre-" + report.locationCode() + "-" + report.businessDate() + "."
                + f.name().toLowerCase(Locale.ROOT);
        // An API client reads the tenant's first language (a French tenant's report is in French).
        String language = company.tenant().languages().get(0);
        return switch (f) {
            case PDF -> file(ClosureReportPdf.render(report, language), PDF, name);
            case XLSX -> file(ClosureReportXlsx.render(report, language), TableExport.XLSX, name);
        };
    }

    /** The closure report's two files. */
    public enum ClosureFormat { PDF, XLSX }

    private static Response file(byte[] bytes, String type, String name) {
        return FileResponses.attachment(bytes, type, name).build();
    }

    @Schema(name = "ClosureRunBody")
    public static final class RunBody {
        @Schema(description = "Leave out to close every location the caller works at")
        public Long locationId;
        @Schema(example = "2026-11-20", description = "The business day, in the location's zone")
        @NotBlank
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-11-20")
        public String businessDate;
        @Schema(description = "Items per chunk (default from cuadra.reconciliation.closure.item-count)")
        @Min(1) @Max(10_000)
        public Integer itemCount;
        @Schema(description = "Rehearse a restart: fail once this many items were written; needs reconciliation:approve")
        @Min(1)
        public Integer failAfterItems;
    }

    @Schema(name = "CashCountBody")
    public static final class CashCountBody {
        @Schema(type = SchemaType.ARRAY, implementation = CountLineBody.class)
        @NotNull @Size(max = 50) @Valid
        public List<CountLineBody> lines;
    }

    @Schema(name = "CashCountLineBody")
    public static final class CountLineBody {
        @Schema(example = "0.50")
        @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal value;
        @Schema(example = "COIN", description = "NOTE or COIN; may be left out when the value alone says which")
        @Pattern(regexp = "NOTE|COIN")
        public String form;
        @Schema(example = "12")
        @NotNull @Min(0) @Max(1_000_000)
        public Integer count;

        CashCountLine line() {
            return new CashCountLine(value, form == null ? null : DenominationForm.valueOf(form), count);
        }
    }

    @Schema(name = "ClosureCloseBody")
    public static final class CloseBody {
        @Size(max = 2000)
        public String notes;
    }

    @Schema(name = "ClosureReopenBody")
    public static final class ReopenBody {
        @Schema(example = "Boleta B001-00000123 emitida después del cierre")
        @NotBlank @Size(max = 2000)
        public String reason;
    }
}
