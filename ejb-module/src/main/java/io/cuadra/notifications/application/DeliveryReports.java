package io.cuadra.notifications.application;

import io.cuadra.customers.application.CustomerContacts;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.notifications.domain.ProviderReports;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What the providers report back after a send, for the current tenant, each report its own transaction: a
 * message's delivery status (SENT becomes DELIVERED or FAILED, never backwards, so a repeated or late report
 * changes nothing) and a customer's STOP reply (the channel is refused from then on). The caller has checked
 * the provider's signature.
 */
@Stateless
public class DeliveryReports {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    CustomerContacts contacts;

    @EJB
    NotificationSettings settings;

    public enum Outcome { APPLIED, UNCHANGED, UNKNOWN_MESSAGE }

    /**
     * The provider settings of the current tenant (the one the callback URL names), whose secrets sign its callbacks
     * ({@link ProviderSettings#signingSecret}); empty when there is no such tenant. One statement reads the tenant and the
     * stamp of its settings: the opened settings are reused while the row is unchanged.
     */
    public Optional<ProviderSettings> callerSettings() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select t.id, %s from tenants t left join notification_settings s on s.tenant_id = t.id
                 where t.id = ?1""".formatted(OpenedSettings.STAMP_SQL)).setParameter(1, TenantContext.require().tenantId())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settings.current(OpenedSettings.stamp(rows.get(0)[1])));
    }

    public Outcome status(Channel channel, String providerId, String providerStatus, String error) {
        Optional<NotificationStatus> next = ProviderReports.statusOf(providerStatus);
        long tenant = TenantContext.require().tenantId();
        if (next.isEmpty()) {
            return known(tenant, channel, providerId) ? Outcome.UNCHANGED : Outcome.UNKNOWN_MESSAGE;
        }
        boolean delivered = next.get() == NotificationStatus.DELIVERED;
        int changed = CrossTenantSql.query(em, """
                update notification_messages set status = ?4,
                       delivered_at = case when ?4 = 'DELIVERED' then now() else delivered_at end,
                       reason = case when ?4 = 'FAILED' then ?5 else reason end,
                       provider_answer = left(coalesce(provider_answer, '') || ' | report: ' || ?6, 2000),
                       updated_at = now(), updated_by = ?7, version = version + 1
                 where tenant_id = ?1 and channel = ?2 and provider_id = ?3
                   and status = 'SENT'""")
                .setParameter(1, tenant).setParameter(2, channel.name()).setParameter(3, providerId)
                .setParameter(4, next.get().name())
                .setParameter(5, delivered ? null : cut("The provider could not deliver it: "
                        + (error == null || error.isBlank() ? providerStatus : error)))
                .setParameter(6, providerStatus + (error == null || error.isBlank() ? "" : " " + error))
                .setParameter(7, TenantContext.actorName())
                .executeUpdate();
        if (changed > 0) {
            return Outcome.APPLIED;
        }
        return known(tenant, channel, providerId) ? Outcome.UNCHANGED : Outcome.UNKNOWN_MESSAGE;
    }

    /** A customer's reply: STOP (BAJA...) refuses the channel for every customer at that phone. */
    public List<Long> reply(Channel channel, String fromPhone, String text) {
        if (!ProviderReports.asksToStop(text) || fromPhone == null || fromPhone.isBlank()) {
            return List.of();
        }
        String phone = fromPhone.strip().startsWith("+") ? fromPhone.strip() : "+" + fromPhone.strip();
        return contacts.optOutByPhone(phone, ContactChannel.valueOf(channel.name()));
    }

    private boolean known(long tenant, Channel channel, String providerId) {
        return !CrossTenantSql.query(em, """
                select 1 from notification_messages where tenant_id = ?1 and channel = ?2 and provider_id = ?3""")
                .setParameter(1, tenant).setParameter(2, channel.name()).setParameter(3, providerId)
                .getResultList().isEmpty();
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
