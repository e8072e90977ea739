package io.cuadra.web.lab;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.lab.application.LabSyncs;
import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LabTrigger;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The laboratory system: the sync log of messages to and from each location's LIS (retry, send again), and the
 * tenant's LIS setup (when orders go, which services are lab tests, how each location reaches its LIS).
 */
@RequestScoped
@Path("lab")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Laboratory")
@SecurityRequirement(name = "bearer")
public class LabResource {

    @EJB
    LabSyncs syncs;

    /** One message to or from the LIS, with its payloads and timings. */
    public record SyncView(long id, Long locationId, Long orderId, String orderNumber, String direction, String kind,
                           String adapter, String controlId, String status, int attempts, String lastError,
                           String requestPayload, String responsePayload, Instant firstAttemptAt,
                           Instant lastAttemptAt, Integer durationMs, Instant completedAt, Long resendOf,
                           Instant createdAt) {

        static SyncView of(LabStore.SyncRow r) {
            return new SyncView(r.id(), r.locationId(), r.orderId(), r.orderNumber(), r.direction(), r.kind().name(),
                    r.adapter().name(), r.controlId(), r.status().name(), r.attempts(), r.lastError(),
                    r.requestPayload(), r.responsePayload(), r.firstAttemptAt(), r.lastAttemptAt(), r.durationMs(),
                    r.completedAt(), r.resendOf(), r.createdAt());
        }
    }

    @GET
    @Path("syncs")
    @Permitted(module = Module.ORDERS, action = Action.VIEW)
    @Operation(operationId = "listLabSyncs", summary = "Messages to and from the LIS, newest first; open=true keeps"
            + " the pending, retrying and failed ones")
    @APIResponse(responseCode = "200", description = "The log rows",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SyncView.class)))
    public List<SyncView> listLabSyncs(@QueryParam("locationId") Long locationId, @QueryParam("open") Boolean open,
                                       @QueryParam("orderId") Long orderId, @QueryParam("limit") Integer limit) {
        return syncs.list(locationId, Boolean.TRUE.equals(open), orderId, limit == null ? 100 : limit).stream()
                .map(SyncView::of).toList();
    }

    @GET
    @Path("syncs/{id}")
    @Permitted(module = Module.ORDERS, action = Action.VIEW)
    @Operation(operationId = "getLabSync", summary = "One message to or from the LIS")
    @APIResponse(responseCode = "200", description = "The log row",
            content = @Content(schema = @Schema(implementation = SyncView.class)))
    public SyncView getLabSync(@PathParam("id") long id) {
        return SyncView.of(syncs.get(id));
    }

    @POST
    @Path("syncs/{id}/retry")
    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    @Operation(operationId = "retryLabSync", summary = "Try a message not delivered (pending, retrying, failed) now")
    @APIResponse(responseCode = "200", description = "The row, pending again",
            content = @Content(schema = @Schema(implementation = SyncView.class)))
    public SyncView retryLabSync(@PathParam("id") long id) {
        return SyncView.of(syncs.retry(id));
    }

    @POST
    @Path("syncs/{id}/send-again")
    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    @Operation(operationId = "sendLabSyncAgain", summary = "Send a delivered message again, as a new row with a new"
            + " control id")
    @APIResponse(responseCode = "200", description = "The new row",
            content = @Content(schema = @Schema(implementation = SyncView.class)))
    public SyncView sendLabSyncAgain(@PathParam("id") long id) {
        return SyncView.of(syncs.sendAgain(id));
    }

    /** @param hasResultsToken whether the REST results callback has a token (the token itself is never shown) */
    @Schema(name = "LabSettings")
    public record SettingsView(String sendOn, boolean hasResultsToken) {
    }

    /** A results callback token, shown this once, and where the LIS posts its results with it. */
    public record ResultsTokenView(String token, String callbackPath) {
    }

    @Schema(name = "LabSettingsBody")
    public static final class SettingsBody {
        @Schema(description = "REGISTERED or PAID: when an order with lab tests goes to the LIS")
        @NotNull
        @Pattern(regexp = "REGISTERED|PAID")
        public String sendOn;
    }

    @GET
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getLabSettings", summary = "When the tenant's orders go to the LIS")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public SettingsView getLabSettings() {
        LabSyncs.Settings settings = syncs.settings();
        return new SettingsView(settings.trigger().name(), settings.hasResultsToken());
    }

    @POST
    @Path("results-token")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "newLabResultsToken", summary = "A new token for the LIS's REST results callback"
            + " (the previous one stops working); shown only in this answer")
    @APIResponse(responseCode = "200", description = "The token and the callback's path",
            content = @Content(schema = @Schema(implementation = ResultsTokenView.class)))
    public ResultsTokenView newLabResultsToken() {
        String token = syncs.newResultsToken();
        return new ResultsTokenView(token, "/api/" + LisResultsResource.pathFor(CurrentCaller.require().tenantId()));
    }

    @PUT
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "setLabSettings", summary = "Choose when the tenant's orders go to the LIS")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public SettingsView setLabSettings(@Valid @NotNull SettingsBody body) {
        syncs.sendOn(LabTrigger.valueOf(body.sendOn));
        return getLabSettings();
    }

    @Schema(name = "LabTestBody")
    public static final class TestBody {
        @Schema(description = "The LIS's code of the test; null or empty: the service is no lab test any more")
        @Size(max = 40)
        public String testCode;
    }

    public record TestView(long itemId, String testCode) {
    }

    @PUT
    @Path("tests/{itemId}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "setLabTest", summary = "Mark a catalog service as a lab test with the LIS's code")
    @APIResponse(responseCode = "200", description = "The mapping",
            content = @Content(schema = @Schema(implementation = TestView.class)))
    public TestView setLabTest(@PathParam("itemId") long itemId, @Valid @NotNull TestBody body) {
        syncs.labTest(itemId, body.testCode);
        return new TestView(itemId, body.testCode == null || body.testCode.isBlank() ? null : body.testCode.strip());
    }

    @Schema(name = "LabConnectionBody")
    public static final class ConnectionBody {
        @Schema(description = "MLLP (HL7 v2.5) or REST (JSON)")
        @NotBlank
        @Pattern(regexp = "MLLP|REST")
        public String adapter;
        @Size(max = 200)
        public String mllpHost;
        @Min(1)
        @Max(65535)
        public Integer mllpPort;
        @Size(max = 500)
        public String restUrl;
        @Schema(description = "Header carrying the credential, e.g. Authorization or X-Api-Key")
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9-]+")
        public String authHeader;
        @Schema(description = "Its value, e.g. 'Bearer abc'; write-only (never shown back)")
        @Size(max = 500)
        public String authValue;
        @Min(100)
        @Max(60000)
        public Integer connectTimeoutMs;
        @Min(100)
        @Max(120000)
        public Integer readTimeoutMs;
        @Size(max = 60)
        public String lisApplication;
        @Size(max = 60)
        public String lisFacility;
    }

    /** A location's LIS connection; the credential is never shown, only whether there is one. */
    public record ConnectionView(long locationId, String adapter, String mllpHost, Integer mllpPort, String restUrl,
                                 String authHeader, boolean hasAuthValue, int connectTimeoutMs, int readTimeoutMs,
                                 String lisApplication, String lisFacility) {

        static ConnectionView of(LabStore.Connection c) {
            return new ConnectionView(c.locationId(), c.adapter().name(), c.mllpHost(), c.mllpPort(), c.restUrl(),
                    c.authHeader(), c.authValue() != null, c.connectTimeoutMs(), c.readTimeoutMs(), c.lisApplication(),
                    c.lisFacility());
        }
    }

    @GET
    @Path("connections/{locationId}")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getLabConnection", summary = "How a location reaches its LIS")
    @APIResponse(responseCode = "200", description = "The connection",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    public ConnectionView getLabConnection(@PathParam("locationId") long locationId) {
        return ConnectionView.of(syncs.connection(locationId));
    }

    @PUT
    @Path("connections/{locationId}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "setLabConnection", summary = "Connect a location to its LIS (replaces what was there)")
    @APIResponse(responseCode = "200", description = "The connection",
            content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    public ConnectionView setLabConnection(@PathParam("locationId") long locationId,
                                           @Valid @NotNull ConnectionBody body) {
        LabAdapter adapter = LabAdapter.valueOf(body.adapter);
        if (body.authValue != null && (body.authHeader == null || body.authHeader.isBlank())) {
            throw new RuleViolation("authHeader: say which header carries authValue.");
        }
        syncs.connect(new LabStore.Connection(locationId, adapter, blankToNull(body.mllpHost), body.mllpPort,
                blankToNull(body.restUrl), blankToNull(body.authHeader), body.authValue,
                body.connectTimeoutMs == null ? 3000 : body.connectTimeoutMs,
                body.readTimeoutMs == null ? 10000 : body.readTimeoutMs,
                body.lisApplication == null || body.lisApplication.isBlank() ? "LIS" : body.lisApplication.strip(),
                body.lisFacility == null || body.lisFacility.isBlank() ? "LAB" : body.lisFacility.strip()));
        return getLabConnection(locationId);
    }

    @DELETE
    @Path("connections/{locationId}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "removeLabConnection", summary = "Disconnect a location from its LIS (nothing more is sent)")
    @APIResponse(responseCode = "204", description = "Disconnected")
    public Response removeLabConnection(@PathParam("locationId") long locationId) {
        syncs.disconnect(locationId);
        return Response.noContent().build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
