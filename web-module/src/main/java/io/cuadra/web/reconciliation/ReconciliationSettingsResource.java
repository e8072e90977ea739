package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.domain.ReconciliationSettings;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's reconciliation settings: whether a day that took cash needs a saved drawer count to close. */
@RequestScoped
@Path("reconciliation/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation settings")
@SecurityRequirement(name = "bearer")
public class ReconciliationSettingsResource {

    @EJB
    ClosureService closures;

    @Schema(name = "ReconciliationSettings")
    public record SettingsView(boolean cashCountRequired, long version) {
        static SettingsView of(ReconciliationSettings s) {
            return new SettingsView(s.isCashCountRequired(), s.getVersion());
        }
    }

    @Schema(name = "ReconciliationSettingsRequest")
    public static final class SettingsBody {
        @Schema(description = "A day that took cash closes only with a saved drawer count", example = "true")
        @NotNull
        public Boolean cashCountRequired;
    }

    @GET
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "The tenant's reconciliation settings (ETag = version; 0 until first changed)")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response getReconciliationSettings() {
        ReconciliationSettings s = closures.settings();
        return Response.ok(SettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change the reconciliation settings (If-Match required)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response updateReconciliationSettings(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull SettingsBody body) {
        ReconciliationSettings s = closures.updateSettings(ETags.requireVersion(ifMatch), body.cashCountRequired);
        return Response.ok(SettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }
}
