package io.cuadra.web.shopify;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.inbox.Inbox;
import io.cuadra.shared.inbox.InboxCounts;
import io.cuadra.shopify.application.ShopifyInboxHandler;
import io.cuadra.shopify.application.ShopifyPull;
import io.cuadra.shopify.application.ShopifyRetry;
import io.cuadra.shopify.application.ShopifyReview;
import io.cuadra.shopify.application.ShopifySettingsService;
import io.cuadra.shopify.application.ShopifySyncState;
import io.cuadra.shopify.domain.RefundRestock;
import io.cuadra.shopify.domain.ShopifySettings;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The Shopify page: the shop connection (secrets shown masked, typed only to change them), the orders waiting
 * for review with a SKU mapping and retry, and what the last pull and the webhooks did (REST: /api/shopify).
 */
@Named
@ViewScoped
public class ShopifyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ShopifySettingsService settings;
    @EJB
    ShopifyReview review;
    @EJB
    ShopifyRetry retry;
    @EJB
    ShopifyPull pull;
    @EJB
    ShopifySyncState syncState;
    @EJB
    Inbox inbox;
    @EJB
    LocationService locations;

    private String shopDomain;
    private String apiUrl;
    private String apiToken;
    private String webhookSecret;
    private String maskedToken;
    private String maskedSecret;
    private String apiVersion = "2025-10";
    private Long locationId;
    private String paymentMethodCode;
    private boolean pullEnabled = true;
    private RefundRestock refundRestock = RefundRestock.SHOPIFY;
    private boolean connected;
    private List<ShopifyReview.Waiting> waiting;
    private ShopifySyncState.View lastSync;
    private InboxCounts webhooks;
    private String sku;
    private String itemCode;
    private List<ShopifyReview.HeldRefund> heldRefunds;
    private String decisionReason;

    @PostConstruct
    void load() {
        settings.viewable().ifPresent(this::show);
        waiting = review.waiting();
        heldRefunds = review.refundsHeld();
        lastSync = syncState.view().orElse(new ShopifySyncState.View(null, null, null, 0, 0, 0, false));
        webhooks = inbox.counts(ShopifyInboxHandler.SOURCE);
    }

    private void show(ShopifySettings s) {
        connected = true;
        shopDomain = s.shopDomain();
        apiUrl = s.apiUrl();
        maskedToken = s.apiToken();
        maskedSecret = s.webhookSecret();
        apiVersion = s.apiVersion();
        locationId = s.locationId();
        paymentMethodCode = s.paymentMethodCode();
        pullEnabled = s.pullEnabled();
        refundRestock = s.refundRestock();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        if (FacesActions.succeeded(() -> settings.save(shopDomain, apiUrl, apiToken, webhookSecret, apiVersion,
                locationId == null ? 0 : locationId, paymentMethodCode, pullEnabled, refundRestock))) {
            apiToken = null;
            webhookSecret = null;
            FacesActions.info(Texts.get("shopify.saved"));
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void pullNow() {
        ShopifyPull.Result r = FacesActions.attempt(() -> pull.pull(false));
        if (r != null) {
            FacesActions.info(Texts.get("shopify.pulled", r.orders(), r.summary()));
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void mapAndRetry(long reviewId) {
        if (sku != null && !sku.isBlank() && !FacesActions.succeeded(() -> review.mapSku(sku, itemCode))) {
            return;
        }
        java.util.Optional<String> stillWaiting = FacesActions.attempt(
                () -> java.util.Optional.ofNullable(retry.retry(reviewId)));
        if (stillWaiting != null) {
            if (stillWaiting.isEmpty()) {
                FacesActions.info(Texts.get("shopify.released"));
            } else {
                FacesActions.error(stillWaiting.get());
            }
            sku = null;
            itemCode = null;
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void decideRefund(long refundId, boolean apply) {
        if (FacesActions.succeeded(() -> review.decideRefund(refundId, apply, decisionReason))) {
            FacesActions.info(Texts.get(apply ? "shopify.refundApplied" : "shopify.refundDismissed"));
            decisionReason = null;
            load();
        }
    }

    public List<ShopifyReview.HeldRefund> getHeldRefunds() {
        return heldRefunds;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public void setDecisionReason(String decisionReason) {
        this.decisionReason = decisionReason;
    }

    public List<Location> getLocations() {
        return locations.listVisible();
    }

    public String getWebhookUrl() {
        return shopDomain == null ? "" : "/api/hooks/shopify/" + shopDomain;
    }

    public boolean isConnected() {
        return connected;
    }

    public List<ShopifyReview.Waiting> getWaiting() {
        return waiting;
    }

    public ShopifySyncState.View getLastSync() {
        return lastSync;
    }

    public InboxCounts getWebhooks() {
        return webhooks;
    }

    public String getMaskedToken() {
        return maskedToken;
    }

    public String getMaskedSecret() {
        return maskedSecret;
    }

    public String getShopDomain() {
        return shopDomain;
    }

    public void setShopDomain(String shopDomain) {
        this.shopDomain = shopDomain;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getApiToken() {
        return apiToken;
    }

    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public String getPaymentMethodCode() {
        return paymentMethodCode;
    }

    public void setPaymentMethodCode(String paymentMethodCode) {
        this.paymentMethodCode = paymentMethodCode;
    }

    public boolean isPullEnabled() {
        return pullEnabled;
    }

    public void setPullEnabled(boolean pullEnabled) {
        this.pullEnabled = pullEnabled;
    }

    public RefundRestock getRefundRestock() {
        return refundRestock;
    }

    public void setRefundRestock(RefundRestock refundRestock) {
        this.refundRestock = refundRestock;
    }

    public RefundRestock[] getRefundRestocks() {
        return RefundRestock.values();
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }
}
