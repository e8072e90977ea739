package io.cuadra.shopify.application;

import io.cuadra.shared.inbox.Inbox;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.shopify.domain.WebhookSignature;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Receives a webhook in one short transaction: the shop's tenant found by its domain, the signature checked
 * over the raw body, the message stored in the inbox by its webhook id. Handling happens after commit.
 */
@Stateless
public class ShopifyWebhooks {

    /** The topics Cuadra subscribes to; anything else is acknowledged and ignored. */
    public static final Set<String> TOPICS = Set.of("orders/create", "orders/paid", "orders/updated",
            "orders/cancelled", "customers/create", "customers/update", "refunds/create");

    public enum Outcome { STORED, DUPLICATE, IGNORED, UNAUTHORIZED, INCOMPLETE }

    @EJB
    ShopifySettingsService settings;

    @EJB
    Inbox inbox;

    /**
     * @param pathShop   the shop named by the webhook URL
     * @param headerShop X-Shopify-Shop-Domain
     */
    public Outcome receive(String pathShop, String headerShop, String topic, String webhookId, String hmac,
                           byte[] body) {
        Optional<ShopifySettingsService.ShopTenant> shop = settings.tenantOfShop(pathShop);
        // An unknown shop is answered like a bad signature: the URL tells no stranger which shops exist.
        if (shop.isEmpty() || !WebhookSignature.verify(shop.get().webhookSecret(), body, hmac)
                || (headerShop != null && !headerShop.strip().equalsIgnoreCase(pathShop.strip()))) {
            return Outcome.UNAUTHORIZED;
        }
        if (topic == null || !TOPICS.contains(topic)) {
            return Outcome.IGNORED;
        }
        if (webhookId == null || webhookId.isBlank() || webhookId.length() > 200) {
            return Outcome.INCOMPLETE;
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            io.cuadra.shopify.infrastructure.ShopifyPayloads.parse(payload);
        } catch (jakarta.json.JsonException | IllegalStateException notAnObject) {
            return Outcome.INCOMPLETE;
        }
        return accept(shop.get().tenantId(), webhookId.strip(), topic, payload) ? Outcome.STORED : Outcome.DUPLICATE;
    }

    private boolean accept(long tenantId, String webhookId, String topic, String payload) {
        boolean[] stored = new boolean[1];
        TenantContext.runAs(Actor.system(tenantId, "shopify-webhook"),
                () -> {
                    stored[0] = inbox.accept(ShopifyInboxHandler.SOURCE, webhookId, topic, payload);
                });
        return stored[0];
    }
}
