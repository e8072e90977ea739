package io.cuadra.web.purchasing;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.PurchaseOrderService;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderStatus;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.purchasing.PurchasingViews.OrderView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Purchase orders: DRAFT → ORDERED → PARTIALLY_RECEIVED → RECEIVED, or CANCELLED. */
@RequestScoped
@Path("purchasing/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing: purchase orders")
@SecurityRequirement(name = "bearer")
public class PurchaseOrdersResource {

    @EJB
    PurchaseOrderService orders;

    @GET
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Purchase orders of your locations, newest first")
    public PageView<OrderView> listPurchaseOrders(@QueryParam("locationId") Long locationId,
                                                  @QueryParam("status") PurchaseOrderStatus status,
                                                  @QueryParam("supplierId") Long supplierId,
                                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<OrderView> result = orders.list(locationId, status, supplierId, Page.number(page),
                Page.size(size, 50)).map(OrderView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Read a purchase order (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response getPurchaseOrder(@PathParam("id") long id) {
        return ok(orders.find(id));
    }

    @POST
    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    @Operation(summary = "Write a purchase order (a DRAFT); products only, each line snapshots its tax rate")
    @APIResponse(responseCode = "201", description = "Created as a draft",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response createPurchaseOrder(@Valid OrderBody body, @Context UriInfo uri) {
        PurchaseOrder o = orders.create(body.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(o.getId())).build())
                .tag(ETags.of(o.getVersion())).entity(OrderView.of(o)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    @Operation(summary = "Edit a draft (its lines are replaced); needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response updatePurchaseOrder(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                        @Valid OrderBody body) {
        return ok(orders.update(id, ETags.requireVersion(ifMatch), body.draft()));
    }

    @POST
    @Path("{id}/placement")
    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    @Operation(summary = "Send a draft to the supplier: DRAFT → ORDERED; needs If-Match")
    @APIResponse(responseCode = "200", description = "Ordered",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response placePurchaseOrder(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return ok(orders.place(id, ETags.requireVersion(ifMatch)));
    }

    @POST
    @Path("{id}/cancellation")
    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    @Operation(summary = "Cancel a draft or an order nothing arrived for; needs If-Match")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response cancelPurchaseOrder(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                        @Valid CancelBody body) {
        return ok(orders.cancel(id, ETags.requireVersion(ifMatch), body.reason));
    }

    private static Response ok(PurchaseOrder o) {
        return Response.ok(OrderView.of(o)).tag(ETags.of(o.getVersion())).build();
    }

    @Schema(name = "PurchaseOrderBody")
    public static final class OrderBody {
        @NotNull
        public Long supplierId;
        @NotNull
        public Long locationId;
        @Schema(description = "Left out: the location's default warehouse")
        public Long warehouseId;
        public LocalDate expectedOn;
        @Schema(description = "The supplier's reference (quote, proforma)")
        @Size(max = 60)
        public String reference;
        @Schema(description = "Left out: the company's currency", example = "PEN")
        @Pattern(regexp = "[A-Z]{3}", message = "use an ISO 4217 code such as PEN or USD")
        public String currency;
        @Size(max = 2000)
        public String notes;
        @Schema(type = SchemaType.ARRAY, implementation = OrderLineBody.class)
        @NotNull @Size(max = 500) @Valid
        public List<OrderLineBody> lines = new ArrayList<>();

        PurchaseOrderService.OrderDraft draft() {
            return new PurchaseOrderService.OrderDraft(supplierId, locationId, warehouseId, expectedOn, reference,
                    currency, notes, lines.stream().map(l -> new PurchaseOrderService.LineInput(l.itemId, l.quantity,
                    l.unitCost)).toList());
        }
    }

    @Schema(name = "PurchaseOrderLineBody")
    public static final class OrderLineBody {
        @NotNull
        public Long itemId;
        @Schema(example = "100")
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @Schema(description = "Cost of one unit without tax, up to six decimals", example = "1.25")
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 6)
        public BigDecimal unitCost;
    }

    @Schema(name = "PurchaseOrderCancelBody")
    public static final class CancelBody {
        @NotBlank @Size(max = 300)
        public String reason;
    }
}
