package io.cuadra.web.orders;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.OrderFilter;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.PaymentStatus;
import io.cuadra.orders.domain.SalesChannel;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.orders.OrderBodies.AddDiscountBody;
import io.cuadra.web.orders.OrderBodies.CancelBody;
import io.cuadra.web.orders.OrderBodies.PaymentBody;
import io.cuadra.web.orders.OrderBodies.RegisterBody;
import io.cuadra.web.orders.OrderBodies.ReturnBody;
import io.cuadra.web.orders.OrderBodies.StatusBody;
import io.cuadra.web.orders.OrderViews.OrderPageView;
import io.cuadra.web.orders.OrderViews.OrderSummaryView;
import io.cuadra.web.orders.OrderViews.OrderView;
import io.cuadra.web.orders.OrderViews.PaymentResultView;
import io.cuadra.web.orders.OrderViews.PaymentView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.platform.IdempotentResponses;
import io.cuadra.web.platform.IdempotentResponses.Reply;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import java.time.LocalDate;
import java.util.List;

/**
 * Orders at the counter: register (gap-free number per location and year), read, list, discounts,
 * payments, status and cancellation. Registering and paying honour Idempotency-Key; changes need
 * If-Match. Orders of a location the caller does not work at answer 404.
 */
@RequestScoped
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "The counter: orders, discounts, payments, status, cancellation")
@SecurityRequirement(name = "bearer")
public class OrdersResource {

    static final String REGISTER_EXAMPLE = """
            {"locationId": 1001, "customerId": 1201, "channel": "COUNTER",
             "lines": [{"itemCode": "LAB-HEM", "quantity": 1},
                       {"itemCode": "LAB-COV", "quantity": 1,
                        "discounts": [{"kind": "PERCENT", "value": 5, "reason": "Campaña"}]}],
             "discounts": [{"kind": "AMOUNT", "value": 2.00, "reason": "Redondeo"}],
             "payments": [{"methodCode": "VISA", "amount": 40.00, "reference": "AUT-123456"},
                          {"methodCode": "EFECTIVO", "amount": 50.00}]}""";
    static final String ORDER_EXAMPLE = """
            {"id": 5001, "number": "LIM01-2026-000123", "locationId": 1001, "locationCode": "LIM01",
             "customerId": 1201, "customerName": "María González Quispe", "channel": "COUNTER",
             "status": "REGISTERED", "paymentStatus": "PAID", "currency": "PEN", "pricesIncludeTax": true,
             "registeredAt": "2026-11-21T15:04:05Z", "paidAt": "2026-11-21T15:04:05Z",
             "subtotal": 80.00, "discountTotal": 4.25, "baseTotal": 65.66, "taxTotal": 10.09, "total": 75.75,
             "paidTotal": 75.75, "balanceDue": 0.00, "changeTotal": 14.25, "refundedTotal": 0.00,
             "lines": [], "taxTotals": [{"affectationCode": "10", "percent": 18.00, "base": 33.11, "tax": 5.96}],
             "discounts": [], "payments": [], "refunds": [], "history": [], "registeredBy": "cajero@cuadra.demo",
             "version": 1}""";
    static final String PAYMENT_EXAMPLE = """
            {"methodCode": "EFECTIVO", "amount": 35.75, "tendered": 50.00}""";

    @EJB
    OrderService orders;

    @Inject
    IdempotentResponses idempotent;

    @GET
    @Permitted(module = Module.ORDERS, action = Action.VIEW)
    @Operation(summary = "List orders, newest first",
            description = "Only orders of the caller's locations. from/to are business days (inclusive, yyyy-MM-dd) "
                    + "in the zone of the location asked for, else the company's.")
    @APIResponse(responseCode = "200", description = "One page of orders",
            content = @Content(schema = @Schema(implementation = OrderPageView.class)))
    public OrderPageView listOrders(@QueryParam("location") Long location, @QueryParam("status") OrderStatus status,
                                    @QueryParam("paymentStatus") PaymentStatus paymentStatus,
                                    @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                    @QueryParam("customer") Long customer, @QueryParam("channel") SalesChannel channel,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        OrderFilter filter = new OrderFilter(location, status, paymentStatus, from, to, customer, channel);
        boolean money = OrderViews.callerSeesMoney();
        Page<OrderSummaryView> result = orders.list(filter, Page.number(page), Page.size(size, 50))
                .map(o -> money ? OrderSummaryView.of(o) : OrderSummaryView.withoutMoney(OrderSummaryView.of(o)));
        return new OrderPageView(result.items(), result.total(), result.page(), result.size());
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.ORDERS, action = Action.VIEW)
    @Operation(summary = "Read an order (ETag = version)")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "paid order", value = ORDER_EXAMPLE)))
    public Response getOrder(@PathParam("id") long id) {
        Order o = orders.find(id);
        return Response.ok(OrderView.forCaller(o)).tag(ETags.of(o.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.ORDERS, action = Action.CREATE)
    @Operation(summary = "Register an order (and take its payments)",
            description = "Prices every line from the catalog (snapshot), applies line then order discounts, gives the "
                    + "order the next gap-free number of its location and year, and takes the payments given, in one "
                    + "transaction. Discounts above the tenant's threshold need orders:approve. With an "
                    + "Idempotency-Key, a retry with the same body answers the original response (header "
                    + "Idempotent-Replayed: true); another body with the same key is 422; a duplicate sent while the "
                    + "first is still running is 409 and creates nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterBody.class),
            examples = @ExampleObject(name = "counter sale paid by card and cash", value = REGISTER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OrderView.class),
                    examples = @ExampleObject(name = "registered order", value = ORDER_EXAMPLE)))
    public Response registerOrder(@HeaderParam(IdempotentResponses.HEADER) String idempotencyKey,
                                  @Valid RegisterBody body, @Context UriInfo uri) {
        return idempotent.run(idempotencyKey, "POST /api/orders", body, () -> {
            Order o = orders.register(body.draft());
            return new Reply(201, OrderView.forCaller(o),
                    uri.getAbsolutePathBuilder().path(Long.toString(o.getId())).build(), ETags.of(o.getVersion()),
                    o.getLocation().getId());
        });
    }

    @PUT
    @Path("{id}/status")
    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    @Operation(summary = "Move an order along: REGISTERED → IN_PROCESS → COMPLETED (If-Match required)")
    @APIResponse(responseCode = "200", description = "The order after the change",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response changeOrderStatus(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                      @Valid StatusBody body) {
        Order o = orders.changeStatus(id, ETags.requireVersion(ifMatch), OrderStatus.valueOf(body.status), body.notes);
        return Response.ok(OrderView.forCaller(o)).tag(ETags.of(o.getVersion())).build();
    }

    @POST
    @Path("{id}/discounts")
    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    @Operation(summary = "Grant a discount before the first payment (If-Match required)",
            description = "The order is priced again; a discount whose effective percent is above the tenant's "
                    + "threshold needs orders:approve (403 otherwise) and records who approved it.")
    @APIResponse(responseCode = "200", description = "The order priced again",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response addOrderDiscount(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                     @Valid AddDiscountBody body) {
        Order o = orders.addDiscount(id, ETags.requireVersion(ifMatch), body.lineNumber, body.draft());
        return Response.ok(OrderView.forCaller(o)).tag(ETags.of(o.getVersion())).build();
    }

    @GET
    @Path("{id}/payments")
    @Permitted(module = Module.PAYMENTS, action = Action.VIEW)
    @Operation(summary = "The payments of an order")
    @APIResponse(responseCode = "200", description = "Payments in the order they were taken",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PaymentView.class)))
    public List<PaymentView> listOrderPayments(@PathParam("id") long id) {
        return orders.find(id).getPayments().stream().map(PaymentView::of).toList();
    }

    @POST
    @Path("{id}/payments")
    @Permitted(module = Module.PAYMENTS, action = Action.CREATE)
    @Operation(summary = "Take a payment",
            description = "Cash without tendered applies at most the balance and gives the rest back as change; cash "
                    + "with tendered pays exactly amount. Other methods pay at most the balance (422 above it); a "
                    + "card payment records the fee of its provider's rule in force that day. The payment that makes "
                    + "the order fully paid publishes OrderPaid in the same transaction. If-Match is optional (the "
                    + "order is locked while the payment is judged). Honours Idempotency-Key like registration.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentBody.class),
            examples = @ExampleObject(name = "cash with change", value = PAYMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Payment taken",
            content = @Content(schema = @Schema(implementation = PaymentResultView.class)))
    public Response payOrder(@PathParam("id") long id, @HeaderParam(IdempotentResponses.HEADER) String idempotencyKey,
                             @HeaderParam("If-Match") String ifMatch, @Valid PaymentBody body) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireVersion(ifMatch);
        return idempotent.run(idempotencyKey, "POST /api/orders/" + id + "/payments", body, () -> {
            OrderPayment p = orders.pay(id, version, body.draft());
            Order o = p.getOrder();
            return new Reply(201, new PaymentResultView(PaymentView.of(p), OrderView.forCaller(o)), null,
                    ETags.of(o.getVersion()), o.getLocation().getId());
        });
    }

    @POST
    @Path("{id}/cancel")
    @Permitted(module = Module.ORDERS, action = Action.CANCEL)
    @Operation(summary = "Cancel an order with a reason (If-Match required)",
            description = "Only REGISTERED or IN_PROCESS orders (a completed one is undone by a credit note). What "
                    + "was paid is recorded as refunds per payment method; cancelling an order with payments also "
                    + "needs payments:cancel. Publishes OrderCancelled in the same transaction.")
    @APIResponse(responseCode = "200", description = "The cancelled order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response cancelOrder(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                @Valid CancelBody body) {
        Order o = orders.cancel(id, ETags.requireVersion(ifMatch), body.reason);
        return Response.ok(OrderView.forCaller(o)).tag(ETags.of(o.getVersion())).build();
    }

    @POST
    @Path("{id}/returns")
    @Permitted(module = Module.ORDERS, action = Action.CANCEL)
    @Operation(summary = "Take back goods of a completed sale, whole or by line and quantity (If-Match required)",
            description = "Issues the credit note of those lines (SUNAT catalog 09 code 07; a French avoir), puts the "
                    + "goods back into their lots (damaged ones to wastage) and refunds the value by the methods that "
                    + "paid, all in today's business day. The order becomes PARTIALLY_RETURNED or RETURNED. Needs "
                    + "payments:cancel too; refused (409) while today's day at the location is closed.")
    @APIResponse(responseCode = "201", description = "The order after the return",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response returnOrderGoods(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                     @Valid @jakarta.validation.constraints.NotNull ReturnBody body) {
        orders.returnGoods(id, ETags.requireVersion(ifMatch), body.requests(), body.reason);
        Order o = orders.find(id);
        return Response.status(201).entity(OrderView.forCaller(o)).tag(ETags.of(o.getVersion())).build();
    }
}
