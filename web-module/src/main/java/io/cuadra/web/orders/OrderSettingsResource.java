package io.cuadra.web.orders;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.OrderSettingsService;
import io.cuadra.orders.domain.OrderSettings;
import io.cuadra.web.orders.OrderViews.OrderSettingsView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

import java.math.BigDecimal;

/** The tenant's order settings (whether prices include tax is the company's setting). */
@RequestScoped
@Path("order-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Order settings")
@SecurityRequirement(name = "bearer")
public class OrderSettingsResource {

    @EJB
    OrderSettingsService settings;

    @GET
    @Permitted(module = Module.ORDERS, action = Action.VIEW)
    @Operation(summary = "The tenant's order settings (ETag = version; 0 until first changed)")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = OrderSettingsView.class)))
    public Response getOrderSettings() {
        OrderSettings s = settings.current();
        return Response.ok(OrderSettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change the order settings (If-Match required)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = OrderSettingsView.class)))
    public Response updateOrderSettings(@HeaderParam("If-Match") String ifMatch, @Valid OrderSettingsBody body) {
        OrderSettings s = settings.update(ETags.requireVersion(ifMatch), body.discountApprovalPercent);
        return Response.ok(OrderSettingsView.of(s)).tag(ETags.of(s.getVersion())).build();
    }

    @Schema(name = "OrderSettingsRequest")
    public static final class OrderSettingsBody {
        @Schema(description = "A single discount taking more than this percent of what it applies to needs "
                + "orders:approve", example = "10.00")
        @NotNull @PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        public BigDecimal discountApprovalPercent;
    }
}
