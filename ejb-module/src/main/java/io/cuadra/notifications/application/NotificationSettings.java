package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.ProviderBreaker;
import io.cuadra.notifications.infrastructure.ProviderGuard;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.secrets.SecretKeys;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenant's provider settings over the configured defaults; admins change the tenant's own. Tokens and
 * secrets are stored sealed ({@link io.cuadra.shared.secrets.SecretBox}), never in plaintext.
 */
@Stateless
public class NotificationSettings {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    ProviderGuard guard;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.email.from")
    Optional<String> emailFrom;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.whatsapp.url", defaultValue = "http://localhost:8087")
    String whatsappUrl;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.whatsapp.version", defaultValue = "v21.0")
    String whatsappVersion;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.whatsapp.phone-number-id", defaultValue = "100000000000001")
    String whatsappPhoneNumberId;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.whatsapp.token", defaultValue = "stand-in-token")
    String whatsappToken;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.sms.url", defaultValue = "http://localhost:8087")
    String smsUrl;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.sms.account-sid", defaultValue = "AC00000000000000000000000000000001")
    String smsAccountSid;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.sms.auth-token", defaultValue = "stand-in-token")
    String smsAuthToken;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.sms.from", defaultValue = "+15005550006")
    String smsFrom;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.whatsapp.app-secret", defaultValue = "stand-in-app-secret")
    String whatsappAppSecret;

    @Inject
    SecretKeys secrets;

    @Inject
    OpenedSettings opened;

    /** The tenant's settings, read now; opened again only when the row changed since they were last opened. */
    public ProviderSettings current() {
        Object[] r = stored();
        long tenant = TenantContext.require().tenantId();
        String stamp = OpenedSettings.stamp(r[9]);
        return opened.get(tenant, stamp).orElseGet(() -> {
            ProviderSettings s = open(r);
            opened.put(tenant, stamp, s);
            return s;
        });
    }

    /**
     * The tenant's settings when the caller read the row's stamp ({@link OpenedSettings#STAMP_SQL}) in its own
     * statement: no further read while the opened ones are of that stamp.
     */
    public ProviderSettings current(String stamp) {
        return opened.get(TenantContext.require().tenantId(), stamp).orElseGet(this::current);
    }

    private ProviderSettings open(Object[] r) {
        return new ProviderSettings(or(r[0], emailFrom.orElse(null)), or(r[1], whatsappUrl), whatsappVersion,
                or(r[2], whatsappPhoneNumberId), or(open(r[3], "whatsapp_token"), whatsappToken), or(r[4], smsUrl),
                or(r[5], smsAccountSid), or(open(r[6], "sms_auth_token"), smsAuthToken), or(r[7], smsFrom),
                or(open(r[8], "whatsapp_app_secret"), whatsappAppSecret));
    }

    /** The tenant's own row as stored (secrets sealed), or nulls. */
    private Object[] stored() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select email_from, whatsapp_url, whatsapp_phone_number_id, whatsapp_token, sms_url, sms_account_sid,
                       sms_auth_token, sms_from, whatsapp_app_secret, %s from notification_settings s
                 where tenant_id = ?1""".formatted(OpenedSettings.STAMP_SQL))
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        return rows.isEmpty() ? new Object[10] : rows.get(0);
    }

    /** A secret's place, bound into its sealing: a sealed value copied to another column or tenant does not open. */
    private static String place(String column) {
        return "notification_settings." + column + ":" + TenantContext.require().tenantId();
    }

    private String open(Object sealed, String column) {
        return sealed == null ? null : secrets.box().open(sealed.toString(), place(column));
    }

    /** A new secret sealed; none given ("****" or blank) keeps the stored one, sealed again with the current key. */
    private String seal(String given, Object stored, String column) {
        String plain = blank(given) != null ? blank(given) : open(stored, column);
        return plain == null ? null : secrets.box().seal(plain, place(column));
    }

    /** How the providers this tenant sends through are doing: each breaker's state (CLOSED when not called yet). */
    public List<ProviderHealth> health() {
        ProviderSettings s = current();
        var breakers = guard.health();
        return java.util.Arrays.stream(Channel.values()).filter(c -> c != Channel.ALERT).map(c -> {
            String provider = s.provider(c);
            var b = breakers.get(provider);
            return b == null ? new ProviderHealth(c, provider, ProviderBreaker.State.CLOSED, 0, null, 0, 0)
                    : new ProviderHealth(c, provider, b.state(), b.failuresInARow(), b.pausedUntil(), b.calls(),
                    b.failures());
        }).toList();
    }

    /** One provider's breaker as people see it: paused (OPEN) until when, after how many failures in a row. */
    public record ProviderHealth(Channel channel, String provider, ProviderBreaker.State state, int failuresInARow,
                                 java.time.Instant pausedUntil, long calls, long failures) {
    }

    /** Replaces the tenant's own settings; a blank value falls back to the configured default. */
    public ProviderSettings save(ProviderSettings s) {
        Object[] before = stored();
        CrossTenantSql.query(em, """
                insert into notification_settings (tenant_id, email_from, whatsapp_url, whatsapp_phone_number_id,
                       whatsapp_token, sms_url, sms_account_sid, sms_auth_token, sms_from, whatsapp_app_secret,
                       created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?10, ?10)
                on conflict (tenant_id) do update set email_from = excluded.email_from,
                       whatsapp_url = excluded.whatsapp_url, whatsapp_phone_number_id = excluded.whatsapp_phone_number_id,
                       whatsapp_token = excluded.whatsapp_token, sms_url = excluded.sms_url,
                       sms_account_sid = excluded.sms_account_sid, sms_auth_token = excluded.sms_auth_token,
                       sms_from = excluded.sms_from, whatsapp_app_secret = excluded.whatsapp_app_secret,
                       updated_at = now(), updated_by = excluded.updated_by,
                       version = notification_settings.version + 1""")
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, blank(s.emailFrom()))
                .setParameter(3, blank(s.whatsappUrl()))
                .setParameter(4, blank(s.whatsappPhoneNumberId()))
                .setParameter(5, seal(s.whatsappToken(), before[3], "whatsapp_token"))
                .setParameter(6, blank(s.smsUrl()))
                .setParameter(7, blank(s.smsAccountSid()))
                .setParameter(8, seal(s.smsAuthToken(), before[6], "sms_auth_token"))
                .setParameter(9, blank(s.smsFrom()))
                .setParameter(10, TenantContext.actorName())
                .setParameter(11, seal(s.whatsappAppSecret(), before[8], "whatsapp_app_secret"))
                .executeUpdate();
        return current();
    }

    private static String or(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() || "****".equals(s) ? null : s.strip();
    }
}
