package io.cuadra.web.reports;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reports.application.AggregateCheck;
import io.cuadra.reports.application.ReportDashboard;
import io.cuadra.reports.application.ReportDrill;
import io.cuadra.reports.application.ReportExports;
import io.cuadra.reports.application.ReportService;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportResult;
import io.cuadra.web.reports.ReportViews.AccountingView;
import io.cuadra.web.reports.ReportViews.DrillRowView;
import io.cuadra.web.reports.ReportViews.LocationDayView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
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
import java.util.List;

/**
 * Reports over the aggregates: {@code GET /reports/{report}} with a period (from, to: business days, inclusive;
 * the last 30 days by default), a location, a channel where the report has one, a group; the rows behind a
 * figure ({@code /drill?key=}), the file ({@code /export?format=csv|xlsx|pdf}, audited) and the agreement check
 * of the aggregates with the raw data.
 */
@RequestScoped
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
public class ReportsResource {

    @EJB
    ReportService reports;

    @EJB
    ReportDrill drills;

    @EJB
    ReportExports exports;

    @EJB
    AggregateCheck check;

    @EJB
    ReportDashboard dashboard;

    @GET
    @Path("{report}")
    @Permitted(module = Module.REPORTS, action = Action.VIEW)
    @Operation(operationId = "runReport", summary = "A report: sales, payments, items, customers, cash, documents,"
            + " stock, rotation, expiring, wastage or purchases",
            description = "group: sales day|week|month|location|channel|cashier; payments method|day|location|cashier;"
                    + " items item|category (with cost of goods and margin; order revenue|quantity|margin, bottom=true"
                    + " for the least); customers top|new; cash location|day|month|cashier; documents"
                    + " status|kind|location|rejection (SUNAT's rejection codes); stock warehouse|category|location"
                    + " (valuation now); rotation item|category; expiring lot|item|warehouse (days=N ahead, 30 by"
                    + " default); wastage reason|item|location; purchases supplier|location|month. compare=previous (the period just"
                    + " before: month-over-month) or year (year-over-year) adds each figure's earlier value and change.")
    @APIResponse(responseCode = "200", description = "The report's rows and totals",
            content = @Content(schema = @Schema(implementation = ReportResult.class)))
    public ReportResult runReport(@PathParam("report") String report, @QueryParam("from") LocalDate from,
                                  @QueryParam("to") LocalDate to, @QueryParam("location") Long location,
                                  @QueryParam("channel") ReportChoices.ReportChannel channel,
                                  @QueryParam("group") ReportChoices.ReportGroup group,
                                  @QueryParam("order") ReportChoices.ReportOrder order, @QueryParam("bottom") Boolean bottom,
                                  @QueryParam("limit") Integer limit, @QueryParam("compare") ReportChoices.ReportCompare compare,
                                  @QueryParam("days") Integer days) {
        ReportFilter f = ReportParams.filter(from, to, location, channel, group, order, bottom, limit, days);
        if (ReportExports.ANONYMOUS.equals(report)) {
            return exports.anonymousCustomers(f);
        }
        return compare == null ? reports.run(report, f) : reports.compare(report, f, ReportChoices.word(compare));
    }

    @GET
    @Path("{report}/drill")
    @Permitted(module = Module.REPORTS, action = Action.VIEW)
    @Operation(operationId = "drillReport", summary = "The orders, documents or discrepancies behind one row",
            description = "key is the row's key as the report answered it; the same filters as the report. At most "
                    + ReportDrill.LIMIT + " rows, newest first.")
    @APIResponse(responseCode = "200", description = "The rows behind the figure",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DrillRowView.class)))
    public List<DrillRowView> drillReport(@PathParam("report") String report, @QueryParam("key") String key,
                                      @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                      @QueryParam("location") Long location,
                                      @QueryParam("channel") ReportChoices.ReportChannel channel,
                                      @QueryParam("group") ReportChoices.ReportGroup group, @QueryParam("days") Integer days) {
        return drills.drill(report, ReportParams.filter(from, to, location, channel, group, null, null, null, days),
                key).stream().map(DrillRowView::of).toList();
    }

    @GET
    @Path("{report}/export")
    @Produces({"text/csv", ReportExportsView.XLSX, ReportExportsView.PDF, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.REPORTS, action = Action.EXPORT)
    @Operation(operationId = "exportReport", summary = "The report as a CSV, XLSX or PDF file (audited)",
            description = "customers-anonymous is the customers export without names or documents: a stable "
                    + "pseudonym per customer (HMAC-SHA256 under the tenant's key).")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = ReportExportsView.XLSX, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    public Response exportReport(@PathParam("report") String report,
                                 @QueryParam("format") ReportChoices.ReportFormat format,
                                 @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                 @QueryParam("location") Long location,
                                 @QueryParam("channel") ReportChoices.ReportChannel channel,
                                 @QueryParam("group") ReportChoices.ReportGroup group,
                                 @QueryParam("order") ReportChoices.ReportOrder order,
                                 @QueryParam("bottom") Boolean bottom, @QueryParam("limit") Integer limit,
                                 @QueryParam("days") Integer days) {
        ReportExports.ExportFile file = exports.export(report,
                ReportParams.filter(from, to, location, channel, group, order, bottom, limit, days),
                ReportChoices.word(format),
                key -> key.substring(key.lastIndexOf('.') + 1));
        return ReportExportsView.response(file);
    }

    @GET
    @Path("dashboard")
    @Permitted(module = Module.REPORTS, action = Action.VIEW)
    @Operation(operationId = "reportDashboard",
            summary = "Per location: net sales and orders today and on the same weekday last week, days to close")
    @APIResponse(responseCode = "200", description = "One entry per location of the caller",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LocationDayView.class)))
    public List<LocationDayView> reportDashboard() {
        return dashboard.today().stream().map(LocationDayView::of).toList();
    }

    @GET
    @Path("dashboard/accounting")
    @Permitted(module = Module.REPORTS, action = Action.VIEW)
    @Operation(operationId = "reportAccountingDashboard",
            summary = "The accountant's home: days still to close per location and the last 30 days' documents by state")
    @APIResponse(responseCode = "200", description = "Days to close and SUNAT states",
            content = @Content(schema = @Schema(implementation = AccountingView.class)))
    public AccountingView reportAccountingDashboard() {
        return AccountingView.of(dashboard.accounting());
    }

    @GET
    @Path("aggregates/verification")
    @Permitted(module = Module.AUDIT, action = Action.VIEW)
    @Operation(operationId = "verifyReportAggregates",
            summary = "Compare every report aggregate of the tenant with a recomputation from the raw data")
    @APIResponse(responseCode = "200", description = "Rows checked, differences found and a sample of them",
            content = @Content(schema = @Schema(implementation = AggregateCheck.Verification.class)))
    public AggregateCheck.Verification verifyReportAggregates(@QueryParam("location") Long location) {
        return check.verify(location);
    }
}
