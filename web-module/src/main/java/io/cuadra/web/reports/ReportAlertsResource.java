package io.cuadra.web.reports;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reports.application.ReportAlerts;
import io.cuadra.reports.domain.AlertRule;
import io.cuadra.web.platform.Amount;
import io.cuadra.web.reports.ReportViews.AlertRuleView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * Threshold alerts per location ("sales today at LIM01 below 2,000.00 by 18:00", "open discrepancies above 3"): the
 * rules (reports:view to read, settings:edit to change) and an evaluation on demand (the timer runs it every five
 * minutes). A crossed rule alerts the location's supervisors in-app, once per business day.
 */
@RequestScoped
@Path("reports/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
public class ReportAlertsResource {

    @EJB
    ReportAlerts alerts;

    @GET
    @Permitted(module = Module.REPORTS, action = Action.VIEW)
    @Operation(operationId = "listReportAlerts", summary = "The threshold rules of the caller's locations")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AlertRuleView.class)))
    public List<AlertRuleView> listReportAlerts() {
        return AlertRuleView.of(alerts.list());
    }

    @POST
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "createReportAlert", summary = "A threshold rule for one location")
    @APIResponse(responseCode = "201", description = "The rule",
            content = @Content(schema = @Schema(implementation = AlertRuleView.class)))
    public Response createReportAlert(@Valid @NotNull AlertBody body) {
        AlertRule rule = alerts.create(body.locationId, body.kind, body.threshold, LocalTime.parse(body.checkAt));
        return Response.status(Response.Status.CREATED).entity(AlertRuleView.of(rule)).build();
    }

    @DELETE
    @Path("{id}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "deleteReportAlert", summary = "Remove a threshold rule")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteReportAlert(@PathParam("id") long id) {
        alerts.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("evaluation")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "evaluateReportAlerts",
            summary = "Check the tenant's rules now (as the five-minute timer does); answers the rules raised")
    @APIResponse(responseCode = "200", description = "The rules raised by this check",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AlertRuleView.class)))
    public List<AlertRuleView> evaluateReportAlerts() {
        return AlertRuleView.of(alerts.evaluate(Instant.now()));
    }

    @Schema(name = "ReportAlertBody")
    public static final class AlertBody {
        @NotNull
        public Long locationId;
        @NotBlank
        @Pattern(regexp = "SALES_BELOW|DISCREPANCIES_ABOVE", message = "must be SALES_BELOW or DISCREPANCIES_ABOVE")
        public String kind;
        @Schema(example = "2000.00", description = "Net sales in the tenant's currency (SALES_BELOW) or a count of "
                + "open discrepancies (DISCREPANCIES_ABOVE), written as money")
        @NotNull
        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2)
        @Amount
        public BigDecimal threshold;
        @Schema(example = "18:00", description = "From this local time of the location the rule is checked")
        @NotBlank
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time like 18:00")
        public String checkAt;
    }
}
