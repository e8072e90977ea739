package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.outbox.Outbox;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes notification messages in the caller's transaction (the business change that produced them): each is
 * QUEUED with an outbox row, so it exists exactly when the change commits and is sent after; or SUPPRESSED with
 * its reason when consent or the address says no; or, for an in-app alert, DELIVERED at once (the row is the
 * alert).
 */
@Stateless
public class NotificationsQueue {

    /** Outbox topic of messages waiting for their provider. */
    public static final String TOPIC = "notifications.send";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    Outbox outbox;

    /** Stores the message and returns its id and status. */
    public Queued queue(NotificationDraft d) {
        return queue(d, null);
    }

    public Queued queue(NotificationDraft d, Long resendOf) {
        Optional<String> refusal = d.consent().refusal(d.channel(), d.recipient());
        NotificationStatus status = refusal.isPresent() ? NotificationStatus.SUPPRESSED
                : d.channel() == Channel.ALERT ? NotificationStatus.DELIVERED : NotificationStatus.QUEUED;
        long id = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        CrossTenantSql.query(em, """
                insert into notification_messages (id, tenant_id, event, channel, language, recipient, recipient_user_id,
                       customer_id, order_id, document_id, location_id, variables, status, reason, resend_of,
                       sent_at, created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as bigint), cast(?8 as bigint), cast(?9 as bigint),
                        cast(?10 as bigint), cast(?11 as bigint), ?12, ?13, ?14, cast(?15 as bigint),
                        case when ?13 = 'DELIVERED' then now() end, ?16, ?16)""")
                // Nulls travel untyped: the casts tell PostgreSQL what the bigint columns get.
                .setParameter(1, id)
                .setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, d.event().name())
                .setParameter(4, d.channel().name())
                .setParameter(5, d.language())
                .setParameter(6, d.recipient() == null ? null : d.recipient().strip())
                .setParameter(7, d.recipientUserId())
                .setParameter(8, d.customerId())
                .setParameter(9, d.orderId())
                .setParameter(10, d.documentId())
                .setParameter(11, d.locationId())
                .setParameter(12, json(d.variables()))
                .setParameter(13, status.name())
                .setParameter(14, refusal.orElse(null))
                .setParameter(15, resendOf)
                .setParameter(16, TenantContext.actorName())
                .executeUpdate();
        if (status == NotificationStatus.QUEUED) {
            outbox.enqueue(TOPIC, id);
        }
        return new Queued(id, status, refusal.orElse(null));
    }

    public record Queued(long id, NotificationStatus status, String reason) {
    }

    static String json(Map<String, String> variables) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        new TreeMap<>(variables).forEach((k, v) -> {
            if (v != null) {
                b.add(k, v);
            }
        });
        return b.build().toString();
    }
}
