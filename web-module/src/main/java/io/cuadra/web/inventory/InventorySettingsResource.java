package io.cuadra.web.inventory;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.InventorySettingsService;
import io.cuadra.inventory.domain.InventorySettings;
import io.cuadra.inventory.domain.PickingOrder;
import io.cuadra.web.inventory.InventoryViews.SettingsView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's stock switches. */
@RequestScoped
@Path("inventory/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory: settings")
@SecurityRequirement(name = "bearer")
public class InventorySettingsResource {

    @EJB
    InventorySettingsService settings;

    @GET
    @Permitted(module = Module.INVENTORY, action = Action.VIEW)
    @Operation(summary = "The stock switches (ETag = version; 0 while the defaults were never changed)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response getInventorySettings() {
        InventorySettings s = settings.current();
        return Response.ok(SettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change the stock switches; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response updateInventorySettings(@HeaderParam("If-Match") String ifMatch, @Valid SettingsBody body) {
        InventorySettings s = settings.update(ETags.requireVersion(ifMatch), body.neverNegative, body.reserveOnRegister,
                body.skipExpiredLots, body.expiryAlertDays, PickingOrder.valueOf(body.pickingOrder));
        return Response.ok(SettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }

    @Schema(name = "InventorySettingsBody")
    public static final class SettingsBody {
        @Schema(description = "Refuse any sale, wastage, transfer or count that would leave less than nothing")
        public boolean neverNegative = true;
        @Schema(description = "Hold stock for an order when it is registered; released on cancellation")
        public boolean reserveOnRegister;
        @Schema(description = "Never sell a lot after its expiry date, not even when a cashier chooses it")
        public boolean skipExpiredLots = true;
        @Schema(description = "Alert about lots expiring within this many days", example = "30")
        @Min(0) @Max(730)
        public int expiryAlertDays = 30;
        @Schema(description = "Which lot a sale or transfer takes first: FEFO (earliest expiry) or FIFO (earliest receipt)",
                enumeration = {"FEFO", "FIFO"})
        @jakarta.validation.constraints.NotNull @Pattern(regexp = "FEFO|FIFO", message = "FEFO or FIFO")
        public String pickingOrder = "FEFO";
    }
}
