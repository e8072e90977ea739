package io.cuadra.shopify.domain;

import io.cuadra.shared.domain.RuleViolation;
import java.util.Locale;

/**
 * How a tenant's shop is connected: its domain (which also names the webhook URL), the Admin API token and
 * the webhook secret, the API version, the location its orders land at and the tenant's payment method that
 * the shop's gateway payments become.
 *
 * @param apiUrl        where the Admin API answers, when not at {@code https://SHOP_DOMAIN} (a stand-in, a proxy)
 * @param refundRestock what becomes of goods a refund brings back (null: as Shopify says)
 */
public record ShopifySettings(String shopDomain, String apiUrl, String apiToken, String webhookSecret,
                              String apiVersion, long locationId, String paymentMethodCode, boolean pullEnabled,
                              RefundRestock refundRestock) {

    /** Refunded goods as Shopify says. */
    public ShopifySettings(String shopDomain, String apiUrl, String apiToken, String webhookSecret, String apiVersion,
                           long locationId, String paymentMethodCode, boolean pullEnabled) {
        this(shopDomain, apiUrl, apiToken, webhookSecret, apiVersion, locationId, paymentMethodCode, pullEnabled, null);
    }

    public ShopifySettings {
        refundRestock = refundRestock == null ? RefundRestock.SHOPIFY : refundRestock;
        shopDomain = shopDomain == null ? null : shopDomain.strip().toLowerCase(Locale.ROOT);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? null : stripSlash(apiUrl.strip());
        paymentMethodCode = paymentMethodCode == null ? null : paymentMethodCode.strip().toUpperCase(Locale.ROOT);
        if (shopDomain == null || !shopDomain.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new RuleViolation("shopDomain: the shop's domain, such as my-shop.myshopify.com.").withKey("shopify.shopDomain");
        }
        if (apiUrl != null && !apiUrl.matches("https?://[^\\s]+")) {
            throw new RuleViolation("apiUrl: an http(s) URL, or empty for https://" + shopDomain + ".").withKey("shopify.apiUrl", shopDomain);
        }
        if (apiToken == null || apiToken.isBlank()) {
            throw new RuleViolation("apiToken: the Admin API access token of the shop's custom app.").withKey("shopify.apiToken");
        }
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new RuleViolation("webhookSecret: the secret Shopify signs webhooks with.").withKey("shopify.webhookSecret");
        }
        if (apiVersion == null || !apiVersion.matches("[0-9]{4}-[0-9]{2}")) {
            throw new RuleViolation("apiVersion: a Shopify API version such as 2025-10.").withKey("shopify.apiVersion");
        }
        if (paymentMethodCode == null || paymentMethodCode.isBlank()) {
            throw new RuleViolation("paymentMethodCode: the payment method the shop's payments are recorded with.").withKey("shopify.paymentMethod");
        }
    }

    /** The Admin GraphQL endpoint of this shop and API version. */
    public String graphQlEndpoint() {
        return (apiUrl == null ? "https://" + shopDomain : apiUrl) + "/admin/api/" + apiVersion + "/graphql.json";
    }

    /** A secret as a page shows it: its last four characters only. */
    public static String masked(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return "••••" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
