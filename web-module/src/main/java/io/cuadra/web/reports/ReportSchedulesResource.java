package io.cuadra.web.reports;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reports.application.ScheduledReports;
import io.cuadra.reports.application.ScheduledReports.ScheduleView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Scheduled reports: a report and its filters e-mailed as XLSX or PDF daily, weekly or monthly (reports:export to
 * read, settings:edit to change). The five-minute timer sends what is due; {@code POST .../due} does it at once. Each
 * schedule and period is sent once, however many servers run the timer.
 */
@RequestScoped
@Path("reports/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
public class ReportSchedulesResource {

    @EJB
    ScheduledReports schedules;

    @GET
    @Permitted(module = Module.REPORTS, action = Action.EXPORT)
    @Operation(operationId = "listReportSchedules", summary = "The tenant's scheduled reports")
    @APIResponse(responseCode = "200", description = "The schedules and the period each last sent",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ScheduleView.class)))
    public List<ScheduleView> listReportSchedules() {
        return schedules.list();
    }

    @POST
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "createReportSchedule", summary = "Schedule a report with its filters")
    @APIResponse(responseCode = "201", description = "The schedule",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    public Response createReportSchedule(@Valid @NotNull ScheduleBody body) {
        ScheduleView s = schedules.create(body.name, body.report, body.filters == null ? Map.of() : body.filters,
                body.format, body.frequency, LocalTime.parse(body.sendTime), body.timeZone, body.recipients,
                body.language);
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    @DELETE
    @Path("{id}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "deleteReportSchedule", summary = "Remove a scheduled report")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteReportSchedule(@PathParam("id") long id) {
        schedules.delete(id);
        return Response.noContent().build();
    }

    /** How many runs a send-what-is-due made. */
    public record DueRuns(int made) {
    }

    @POST
    @Path("due")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "sendDueReportSchedules",
            summary = "Send the schedules due now (as the five-minute timer does); answers how many runs this call made")
    @APIResponse(responseCode = "200", description = "Runs made by this call (0 when already sent)",
            content = @Content(schema = @Schema(implementation = DueRuns.class)))
    public DueRuns sendDueReportSchedules() {
        return new DueRuns(schedules.runDue(Instant.now()));
    }

    @Schema(name = "ReportScheduleBody")
    public static final class ScheduleBody {
        @NotBlank
        @Size(max = 120)
        public String name;
        @NotBlank
        public String report;
        @Schema(description = "location, channel, group, order, bottom, limit, days: as the report's query parameters")
        public Map<String, String> filters;
        @NotBlank
        @Pattern(regexp = "XLSX|PDF|xlsx|pdf", message = "must be XLSX or PDF")
        public String format;
        @NotBlank
        @Pattern(regexp = "DAILY|WEEKLY|MONTHLY", message = "must be DAILY, WEEKLY or MONTHLY")
        public String frequency;
        @Schema(example = "07:00", description = "From this local time the last complete period is sent")
        @NotBlank
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time like 07:00")
        public String sendTime;
        @Schema(example = "America/Lima")
        public String timeZone;
        @NotNull
        @Size(min = 1, max = 20)
        public List<String> recipients;
        @Pattern(regexp = "es|en|fr", message = "must be es, en or fr")
        public String language;
    }
}
