package io.cuadra.shopify.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.PaymentMethodService;
import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.shopify.domain.RefundRestock;
import io.cuadra.shopify.domain.ShopifySettings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The tenant's shop connection: read by the adapter, written from the settings page or the API (settings:edit). */
@Stateless
public class ShopifySettingsService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @EJB
    PaymentMethodService paymentMethods;

    /** The webhook receiver's look-up: which tenant a shop belongs to, before any tenant is known. */
    public record ShopTenant(long tenantId, String webhookSecret) {
    }

    public Optional<ShopTenant> tenantOfShop(String shopDomain) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em,
                        "select tenant_id, webhook_secret from shopify_settings where shop_domain = ?1")
                .setParameter(1, shopDomain == null ? "" : shopDomain.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultList();
        return rows.stream().findFirst().map(r -> new ShopTenant(((Number) r[0]).longValue(), (String) r[1]));
    }

    /** The current tenant's settings, secrets included: for the adapter, never for a page or an answer. */
    public Optional<ShopifySettings> current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select shop_domain, api_url, api_token, webhook_secret, api_version, location_id, payment_method_code,
                       pull_enabled, refund_restock from shopify_settings where tenant_id = ?1""")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        return rows.stream().findFirst().map(r -> new ShopifySettings((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], ((Number) r[5]).longValue(), (String) r[6], (Boolean) r[7],
                RefundRestock.valueOf((String) r[8])));
    }

    /** The settings as a person may read them (settings:view): secrets masked. */
    public Optional<ShopifySettings> viewable() {
        require(Action.VIEW);
        return current().map(s -> new ShopifySettings(s.shopDomain(), s.apiUrl(), ShopifySettings.masked(s.apiToken()),
                ShopifySettings.masked(s.webhookSecret()), s.apiVersion(), s.locationId(), s.paymentMethodCode(),
                s.pullEnabled(), s.refundRestock()));
    }

    /**
     * Stores the settings. A blank token or secret keeps the stored one, so the page never has to show it
     * to save the other fields.
     */
    public ShopifySettings save(String shopDomain, String apiUrl, String apiToken, String webhookSecret,
                                String apiVersion, long locationId, String paymentMethodCode, boolean pullEnabled,
                                RefundRestock refundRestock) {
        require(Action.EDIT);
        Optional<ShopifySettings> stored = current();
        String token = blank(apiToken) ? stored.map(ShopifySettings::apiToken).orElse(null) : apiToken.strip();
        String secret = blank(webhookSecret) ? stored.map(ShopifySettings::webhookSecret).orElse(null)
                : webhookSecret.strip();
        ShopifySettings s = new ShopifySettings(shopDomain, apiUrl, token, secret, apiVersion, locationId,
                paymentMethodCode, pullEnabled, refundRestock);
        locations.find(locationId); // 404 for another tenant's or an unknown location
        paymentMethods.byCode(s.paymentMethodCode()); // refused when the tenant has no such method
        Optional<ShopTenant> holder = tenantOfShop(s.shopDomain());
        long tenant = TenantContext.require().tenantId();
        if (holder.isPresent() && holder.get().tenantId() != tenant) {
            throw new RuleViolation("shopDomain: this shop is connected to another account.").withKey("shopify.shopTaken");
        }
        String actor = TenantContext.actorName();
        CrossTenantSql.query(em, """
                insert into shopify_settings (tenant_id, shop_domain, api_url, api_token, webhook_secret, api_version,
                       location_id, payment_method_code, pull_enabled, refund_restock, created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?10, ?10)
                on conflict (tenant_id) do update set shop_domain = excluded.shop_domain, api_url = excluded.api_url,
                       api_token = excluded.api_token, webhook_secret = excluded.webhook_secret,
                       api_version = excluded.api_version, location_id = excluded.location_id,
                       payment_method_code = excluded.payment_method_code, pull_enabled = excluded.pull_enabled,
                       refund_restock = excluded.refund_restock,
                       updated_at = now(), updated_by = excluded.updated_by, version = shopify_settings.version + 1""")
                .setParameter(1, tenant).setParameter(2, s.shopDomain()).setParameter(3, s.apiUrl())
                .setParameter(4, s.apiToken()).setParameter(5, s.webhookSecret()).setParameter(6, s.apiVersion())
                .setParameter(7, s.locationId()).setParameter(8, s.paymentMethodCode()).setParameter(9, s.pullEnabled())
                .setParameter(10, actor).setParameter(11, s.refundRestock().name()).executeUpdate();
        return s;
    }

    static void require(Action action) {
        if (!CurrentCaller.require().can(Module.SETTINGS, action)) {
            String needed = "settings:" + action.name().toLowerCase(java.util.Locale.ROOT);
            throw new AccessDenied("The Shopify connection needs the permission " + needed + ".")
                    .withKey("identity.needsPermission", needed);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
