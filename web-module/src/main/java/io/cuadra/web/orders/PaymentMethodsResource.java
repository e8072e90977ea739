package io.cuadra.web.orders;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.PaymentMethodService;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.TenantPaymentMethod;
import io.cuadra.web.orders.OrderViews.PaymentMethodView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The payment methods the tenant accepts; the counter offers the active ones in their position order. */
@RequestScoped
@Path("payment-methods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payment methods")
@SecurityRequirement(name = "bearer")
public class PaymentMethodsResource {

    @EJB
    PaymentMethodService methods;

    @GET
    @Permitted(module = Module.PAYMENTS, action = Action.VIEW)
    @Operation(summary = "Payment methods, active ones only unless all=true")
    @APIResponse(responseCode = "200", description = "In the order the counter shows them",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentMethodView.class)))
    public List<PaymentMethodView> listPaymentMethods(@QueryParam("all") boolean all) {
        return methods.list(all).stream().map(PaymentMethodView::of).toList();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.PAYMENTS, action = Action.VIEW)
    @Operation(summary = "Read a payment method (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = PaymentMethodView.class)))
    public Response getPaymentMethod(@PathParam("id") long id) {
        TenantPaymentMethod m = methods.find(id);
        return Response.ok(PaymentMethodView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Accept a new payment method")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentMethodBody.class),
            examples = @ExampleObject(name = "card", value = """
                    {"code": "AMEX", "name": "American Express", "kind": "CARD", "requiresReference": true,
                     "feeProvider": "Amex", "active": true, "position": 40}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PaymentMethodView.class)))
    public Response createPaymentMethod(@Valid PaymentMethodBody body, @Context UriInfo uri) {
        TenantPaymentMethod m = methods.create(body.code, PaymentMethod.valueOf(body.kind), body.name,
                body.requiresReference, body.feeProvider, body.active, body.position);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(m.getId())).build())
                .tag(ETags.of(m.getVersion())).entity(PaymentMethodView.of(m)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Edit a payment method; code and kind stay (If-Match required)")
    @APIResponse(responseCode = "200", description = "Edited",
            content = @Content(schema = @Schema(implementation = PaymentMethodView.class)))
    public Response updatePaymentMethod(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                        @Valid PaymentMethodBody body) {
        TenantPaymentMethod current = methods.find(id);
        if (body.code != null && !body.code.equalsIgnoreCase(current.getCode())
                || body.kind != null && !body.kind.equals(current.getKind().name())) {
            throw new io.cuadra.shared.domain.RuleViolation("code and kind of a payment method stay; create a new"
                    + " method instead.");
        }
        TenantPaymentMethod m = methods.update(id, ETags.requireVersion(ifMatch), body.name, body.requiresReference,
                body.feeProvider, body.active, body.position);
        return Response.ok(PaymentMethodView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @Schema(name = "PaymentMethodRequest")
    public static final class PaymentMethodBody {
        @Schema(example = "YAPE")
        @NotBlank @Size(max = 20)
        public String code;
        @Schema(example = "Yape")
        @NotBlank @Size(max = 80)
        public String name;
        @Schema(enumeration = {"CASH", "CARD", "BANK_TRANSFER", "MOBILE_WALLET", "OTHER"})
        @NotBlank @Pattern(regexp = "CASH|CARD|BANK_TRANSFER|MOBILE_WALLET|OTHER",
                message = "must be CASH, CARD, BANK_TRANSFER, MOBILE_WALLET or OTHER")
        public String kind;
        @Schema(description = "Payments need an operation or voucher number")
        public boolean requiresReference;
        @Schema(description = "Card methods only: the provider whose fee rules apply", example = "Niubiz")
        @Size(max = 60)
        public String feeProvider;
        public boolean active = true;
        @PositiveOrZero
        public int position;
    }
}
