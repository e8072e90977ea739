package io.cuadra.web.purchasing;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.GoodsReceiptService;
import io.cuadra.purchasing.domain.GoodsReceipt;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.purchasing.PurchasingViews.ReceiptView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.List;

/** Goods receipts: lots created or topped up and IN moves, with the purchase order updated, in one transaction. */
@RequestScoped
@Path("purchasing/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing: goods receipts")
@SecurityRequirement(name = "bearer")
public class ReceiptsResource {

    @EJB
    GoodsReceiptService receipts;

    @GET
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Goods receipts of your locations (optionally of one purchase order), newest first")
    public PageView<ReceiptView> listReceipts(@QueryParam("locationId") Long locationId,
                                              @QueryParam("purchaseOrderId") Long purchaseOrderId,
                                              @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<ReceiptView> result = receipts.list(locationId, purchaseOrderId, Page.number(page), Page.size(size, 50))
                .map(ReceiptView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Read a goods receipt")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    public Response getReceipt(@PathParam("id") long id) {
        GoodsReceipt r = receipts.find(id);
        return Response.ok(ReceiptView.of(r)).tag(ETags.of(r.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    @Operation(summary = "Receive goods, against a purchase order or free",
            description = "Each line: lot code (tracked items), expiry (items that track it), quantity, unit cost (an "
                    + "order line's cost by default). Lots are created or topped up (their cost averaged) and IN moves "
                    + "written in the same transaction. Receiving more than ordered needs purchasing:approve.")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    public Response createReceipt(@Valid ReceiptBody body, @Context UriInfo uri) {
        GoodsReceipt r = receipts.receive(new GoodsReceiptService.ReceiptDraft(body.purchaseOrderId, body.warehouseId,
                body.supplierId, body.currency, body.supplierDocument, body.notes, body.lines.stream()
                .map(l -> new GoodsReceiptService.ReceiptLineInput(l.orderLineId, l.itemId, l.lotCode, l.expiresOn,
                        l.quantity, l.unitCost)).toList()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.getId())).build())
                .tag(ETags.of(r.getVersion())).entity(ReceiptView.of(r)).build();
    }

    @Schema(name = "GoodsReceiptBody")
    public static final class ReceiptBody {
        @Schema(description = "Left out for a receipt without order")
        public Long purchaseOrderId;
        @Schema(description = "Required without an order; with one, defaults to the order's warehouse")
        public Long warehouseId;
        @Schema(description = "Only for a receipt without order")
        public Long supplierId;
        @Schema(description = "Only for a receipt without order; left out, the company's currency")
        @Pattern(regexp = "[A-Z]{3}", message = "use an ISO 4217 code such as PEN or USD")
        public String currency;
        @Schema(description = "The supplier's delivery note or invoice number", example = "T001-000457")
        @Size(max = 40)
        public String supplierDocument;
        @Size(max = 2000)
        public String notes;
        @Schema(type = SchemaType.ARRAY, implementation = ReceiptLineBody.class)
        @NotEmpty @Size(max = 500) @Valid
        public List<ReceiptLineBody> lines;
    }

    @Schema(name = "GoodsReceiptLineBody")
    public static final class ReceiptLineBody {
        @Schema(description = "The purchase order line (receipts against an order)")
        public Long orderLineId;
        @Schema(description = "The product (receipts without order)")
        public Long itemId;
        @Schema(example = "L2026-0457")
        @Size(max = 40)
        public String lotCode;
        @Schema(example = "2027-06-30")
        public LocalDate expiresOn;
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @DecimalMin("0") @Digits(integer = 12, fraction = 6)
        public BigDecimal unitCost;
    }
}
