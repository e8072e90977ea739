package io.cuadra.web.shopify;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shopify.application.ShopifyPull;
import io.cuadra.shopify.application.ShopifyRetry;
import io.cuadra.shopify.application.ShopifyReview;
import io.cuadra.shopify.application.ShopifySettingsService;
import io.cuadra.shopify.application.ShopifySyncState;
import io.cuadra.shopify.domain.RefundRestock;
import io.cuadra.shopify.domain.ShopifySettings;
import io.cuadra.web.platform.Amount;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's Shopify connection: settings (secrets masked), the review list and SKU mappings, the pull
 * (on demand; it also runs on schedule) and the state of the last one. Webhooks arrive elsewhere
 * ({@link ShopifyWebhookServlet}).
 */
@RequestScoped
@Path("shopify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shopify")
@SecurityRequirement(name = "bearer")
public class ShopifyResource {

    @EJB
    ShopifySettingsService settings;

    @EJB
    ShopifyReview review;

    @EJB
    ShopifyRetry retry;

    @EJB
    ShopifyPull pull;

    /** The settings as sent back: the API token and the webhook secret masked. */
    @Schema(name = "ShopifySettings")
    public record SettingsView(String shopDomain, String apiUrl, String apiToken, String webhookSecret,
                               String apiVersion, long locationId, String paymentMethodCode, boolean pullEnabled,
                               String webhookPath, String refundRestock) {
        static SettingsView of(ShopifySettings s) {
            return new SettingsView(s.shopDomain(), s.apiUrl(), ShopifySettings.masked(s.apiToken()),
                    ShopifySettings.masked(s.webhookSecret()), s.apiVersion(), s.locationId(), s.paymentMethodCode(),
                    s.pullEnabled(), "/api/hooks/shopify/" + s.shopDomain(), s.refundRestock().name());
        }
    }

    /**
     * A blank apiToken or webhookSecret keeps the stored one. A class with validated fields, not a record: Payara's
     * OpenAPI scanner fails on Bean Validation annotations of record components (README, platform pitfalls).
     */
    public static final class SettingsInput {
        @NotBlank
        @Size(max = 255)
        public String shopDomain;
        @Size(max = 500)
        public String apiUrl;
        @Size(max = 500)
        public String apiToken;
        @Size(max = 500)
        public String webhookSecret;
        @NotBlank
        @Size(max = 10)
        public String apiVersion;
        @NotNull
        public Long locationId;
        @NotBlank
        @Size(max = 40)
        public String paymentMethodCode;
        public Boolean pullEnabled;
        @Schema(description = "Goods a refund brings back: SHOPIFY (as each refund line says; default), ALWAYS back"
                + " into their lots, NEVER (written off as wastage)")
        @Pattern(regexp = "SHOPIFY|ALWAYS|NEVER")
        public String refundRestock;
    }

    @GET
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getShopifySettings", summary = "The shop connection, secrets masked")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "404", description = "No shop connected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettingsView getShopifySettings() {
        return settings.viewable().map(SettingsView::of)
                .orElseThrow(() -> new NotFound("No Shopify shop is connected."));
    }

    @PUT
    @Path("settings")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "putShopifySettings", summary = "Connect a shop or change its connection")
    @APIResponse(responseCode = "200", description = "The stored settings, secrets masked",
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public SettingsView putShopifySettings(@Valid @NotNull SettingsInput in) {
        return SettingsView.of(settings.save(in.shopDomain, in.apiUrl, in.apiToken, in.webhookSecret,
                in.apiVersion, in.locationId, in.paymentMethodCode, !Boolean.FALSE.equals(in.pullEnabled),
                in.refundRestock == null ? null : RefundRestock.valueOf(in.refundRestock)));
    }

    public record ReviewView(long id, long shopifyId, String name, String reason, Long orderId, Instant updatedAt) {
        static ReviewView of(ShopifyReview.Waiting w) {
            return new ReviewView(w.id(), w.shopifyId(), w.name(), w.reason(), w.orderId(), w.updatedAt());
        }
    }

    @GET
    @Path("review")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "listShopifyReview", summary = "Shopify orders waiting for a person, with why")
    @APIResponse(responseCode = "200", description = "The waiting orders, newest first",
            content = @Content(schema = @Schema(implementation = ReviewView[].class)))
    public List<ReviewView> listShopifyReview() {
        return review.waiting().stream().map(ReviewView::of).toList();
    }

    public record RetryView(long id, boolean released, String reason) {
    }

    @POST
    @Path("review/{id}/retry")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "retryShopifyReview", summary = "Take a waiting order again (after mapping its SKUs)")
    @APIResponse(responseCode = "200", description = "Whether it became a Cuadra order, else why it still waits",
            content = @Content(schema = @Schema(implementation = RetryView.class)))
    public RetryView retryShopifyReview(@PathParam("id") long id) {
        String reason = retry.retry(id);
        return new RetryView(id, reason == null, reason);
    }

    /** A Shopify refund held for review (money only...), and what a person decided. */
    @Schema(name = "ShopifyHeldRefund")
    public record HeldRefundView(long id, long shopifyId, long shopifyOrderId, Long orderId, @Amount BigDecimal amount,
                                 String status, String reason, String decisionReason, String decidedBy,
                                 Instant decidedAt, Instant updatedAt) {
        static HeldRefundView of(ShopifyReview.HeldRefund r) {
            return new HeldRefundView(r.id(), r.shopifyId(), r.shopifyOrderId(), r.orderId(), r.amount(), r.status(),
                    r.reason(), r.decisionReason(), r.decidedBy(), r.decidedAt(), r.updatedAt());
        }
    }

    @GET
    @Path("refunds/review")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "listShopifyHeldRefunds", summary = "Shopify refunds waiting for a person, with why")
    @APIResponse(responseCode = "200", description = "The held refunds, newest first",
            content = @Content(schema = @Schema(implementation = HeldRefundView[].class)))
    public List<HeldRefundView> listShopifyHeldRefunds() {
        return review.refundsHeld().stream().map(HeldRefundView::of).toList();
    }

    /** A decision on a held refund (a class with validated fields, for the same reason as {@link SettingsInput}). */
    public static final class RefundDecisionInput {
        @NotNull
        @Pattern(regexp = "APPLY|DISMISS")
        public String decision;
        @NotBlank
        @Size(max = 500)
        public String reason;
    }

    @POST
    @Path("refunds/review/{id}/decision")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "decideShopifyHeldRefund", summary = "Apply (the money went back, credit note issued by"
            + " hand) or dismiss a held refund, with why; audited")
    @APIResponse(responseCode = "200", description = "The refund as decided",
            content = @Content(schema = @Schema(implementation = HeldRefundView.class)))
    public HeldRefundView decideShopifyHeldRefund(@PathParam("id") long id, @Valid @NotNull RefundDecisionInput in) {
        return HeldRefundView.of(review.decideRefund(id, "APPLY".equals(in.decision), in.reason));
    }

    public record SkuMapping(String sku, String itemCode) {
    }

    /** A SKU to map (a class with validated fields, for the same reason as {@link SettingsInput}). */
    public static final class SkuMappingInput {
        @NotBlank
        @Size(max = 100)
        public String sku;
        @NotBlank
        @Size(max = 60)
        public String itemCode;
    }

    @POST
    @Path("sku-mappings")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "mapShopifySku", summary = "Map a Shopify SKU to a catalog item by its code")
    @APIResponse(responseCode = "200", description = "The mapping as stored",
            content = @Content(schema = @Schema(implementation = SkuMapping.class)))
    public SkuMapping mapShopifySku(@Valid @NotNull SkuMappingInput mapping) {
        review.mapSku(mapping.sku, mapping.itemCode);
        return new SkuMapping(mapping.sku.strip(), mapping.itemCode.strip());
    }

    public record PullView(boolean ran, int orders, int customers, int throttledWaits, String result) {
    }

    @POST
    @Path("pull")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "pullShopify", summary = "Pull orders updated since the last cursor now;"
            + " firstImport=true brings every customer and order")
    @APIResponse(responseCode = "200", description = "What the pull did",
            content = @Content(schema = @Schema(implementation = PullView.class)))
    public PullView pullShopify(@QueryParam("firstImport") Boolean firstImport) {
        ShopifyPull.Result r = pull.pull(Boolean.TRUE.equals(firstImport));
        return new PullView(r.ran(), r.orders(), r.customers(), r.throttledWaits(), r.summary());
    }

    public record StatusView(Instant ordersCursor, Instant lastRunAt, String lastResult, int lastOrders,
                             int lastCustomers, int throttledWaits, boolean running, long webhooksReceived,
                             long webhooksProcessed, int waitingForReview) {
    }

    @GET
    @Path("status")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getShopifyStatus", summary = "The last pull, webhooks received and handled, orders in review")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(schema = @Schema(implementation = StatusView.class)))
    public StatusView getShopifyStatus() {
        ShopifyReview.Status status = review.status();
        ShopifySyncState.View v = status.pull();
        return new StatusView(v.ordersCursor(), v.lastRunAt(), v.lastResult(), v.lastOrders(), v.lastCustomers(),
                v.throttledWaits(), v.running(), status.webhooks().received(), status.webhooks().processed(),
                status.waiting());
    }

    @GET
    @Path("orders/{shopifyId}")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getShopifyOrder", summary = "The Cuadra order a Shopify order became")
    @APIResponse(responseCode = "200", description = "The link",
            content = @Content(schema = @Schema(implementation = ShopifyReview.Imported.class)))
    public ShopifyReview.Imported getShopifyOrder(@PathParam("shopifyId") long shopifyId) {
        return review.imported(shopifyId)
                .orElseThrow(() -> new NotFound("Shopify order " + shopifyId + " is not a Cuadra order."));
    }
}
