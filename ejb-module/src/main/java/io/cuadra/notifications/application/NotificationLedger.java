package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The delivery's own transactions around one send: read the message, then record what the provider said. The
 * provider is called between them, outside any transaction. Each outcome is recorded only while the message is
 * still QUEUED, so a message a repeated outbox delivery finds SENT is not sent again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationLedger {

    private static final int ANSWER_MAX = 2000;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @jakarta.ejb.EJB
    TemplateStore templates;

    @jakarta.ejb.EJB
    NotificationSettings settings;

    @jakarta.ejb.EJB
    DeliveryRules rules;

    /**
     * A queued message with its template and the tenant's provider settings, read in one transaction; or held by
     * quiet hours or the recipient's limit (then nothing else is read).
     */
    public record Prepared(Pending message, Optional<io.cuadra.notifications.domain.Template> template,
                           ProviderSettings settings, Optional<DeliveryRules.Hold> hold) {
    }

    /** The message if it is still QUEUED, ready to send or held; empty when there is nothing (more) to send. */
    public Optional<Prepared> prepare(long id) {
        return find(id).filter(p -> p.status().pending()).map(p -> {
            Optional<DeliveryRules.Hold> hold = rules.gate(p, java.time.Instant.now());
            return hold.isPresent() ? new Prepared(p, Optional.empty(), null, hold)
                    : new Prepared(p, templates.find(p.event(), p.channel(), p.language()), settings.current(),
                    Optional.empty());
        });
    }

    /** A message as the delivery needs it. */
    public record Pending(long id, NotificationEvent event, Channel channel, String language, String recipient,
                          Long documentId, Map<String, String> variables, NotificationStatus status, int attempts,
                          Long locationId) {
    }

    public Optional<Pending> find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select id, event, channel, language, recipient, document_id, variables, status, attempts, location_id
                  from notification_messages where id = ?1 and tenant_id = ?2""")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId()).getResultList();
        return rows.stream().findFirst().map(r -> new Pending(((Number) r[0]).longValue(),
                NotificationEvent.valueOf((String) r[1]), Channel.valueOf((String) r[2]), (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), variables((String) r[6]),
                NotificationStatus.valueOf((String) r[7]), ((Number) r[8]).intValue(),
                r[9] == null ? null : ((Number) r[9]).longValue()));
    }

    public void sent(long id, String providerId, String answer) {
        update(id, NotificationStatus.SENT, null, providerId, answer, true);
    }

    /** The provider refused it for good (4xx), or the tries ran out. */
    public void failed(long id, String reason, String answer) {
        update(id, NotificationStatus.FAILED, reason, null, answer, true);
    }

    /** Not taken this time (5xx, timeout, rate limit): stays QUEUED, the answer kept; the outbox tries again. */
    public void notYet(long id, String answer) {
        update(id, NotificationStatus.QUEUED, null, null, answer, true);
    }

    /** Held by quiet hours or the recipient's limit: stays QUEUED with the reason, no attempt counted. */
    public void held(long id, String reason) {
        update(id, NotificationStatus.QUEUED, reason, null, null, false);
    }

    /** Not tried (the provider is paused): stays QUEUED with why, no attempt counted. */
    public void waiting(long id, String answer) {
        update(id, NotificationStatus.QUEUED, null, null, answer, false);
    }

    /** A secret's variables (a reset token) are emptied once the message left the queue, sent or not. */
    private void update(long id, NotificationStatus status, String reason, String providerId, String answer,
                        boolean attempt) {
        CrossTenantSql.query(em, """
                update notification_messages set status = ?3, reason = coalesce(?4, reason),
                       provider_id = coalesce(?5, provider_id), provider_answer = ?6,
                       attempts = attempts + ?7, sent_at = case when ?3 = 'SENT' then now() else sent_at end,
                       variables = case when ?3 <> 'QUEUED' and event = 'PASSWORD_RESET' then '{}' else variables end,
                       updated_at = now(), updated_by = ?8, version = version + 1
                 where id = ?1 and tenant_id = ?2 and status = 'QUEUED'""")
                .setParameter(1, id)
                .setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, status.name())
                .setParameter(4, cut(reason, 500))
                .setParameter(5, cut(providerId, 200))
                .setParameter(6, cut(answer, ANSWER_MAX))
                .setParameter(7, attempt ? 1 : 0)
                .setParameter(8, TenantContext.actorName())
                .executeUpdate();
    }

    static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    static Map<String, String> variables(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            o.forEach((k, v) -> out.put(k, o.getString(k, "")));
        }
        return out;
    }
}
