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

    /**
     * Made once: {@code Json.createReader} looks the JSON provider up again on every call, a service lookup through
     * the server's class loaders that cost more than reading a message's few variables.
     */
    private static final jakarta.json.JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

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

    /**
     * The message if it is still QUEUED, ready to send or held; empty when there is nothing (more) to send. One
     * statement reads the message with everything its send needs (the stamp of the tenant's provider settings, its
     * limit per recipient, the company's country and the tenant's own wording for the event, the location's quiet
     * hours) and takes the recipient's lock; the gate then counts the recipient's hour and stamps the message.
     */
    public Optional<Prepared> prepare(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select m.id, m.event, m.channel, m.language, m.recipient, m.document_id, m.variables, m.status,
                       m.attempts, m.location_id, s.recipient_per_hour, %s,
                       (select c.country from companies c where c.tenant_id = m.tenant_id limit 1),
                       (select json_agg(json_build_array(t.language, t.subject, t.body, t.html))
                          from notification_templates t
                         where t.tenant_id = m.tenant_id and t.event = m.event and t.channel = m.channel),
                       q.quiet_from, q.quiet_until, l.time_zone, l.code, %s
                  from notification_messages m
                  left join notification_settings s on s.tenant_id = m.tenant_id
                  left join notification_quiet_hours q on q.tenant_id = m.tenant_id and q.location_id = m.location_id
                  left join locations l on l.id = q.location_id
                 where m.id = ?1 and m.tenant_id = ?2""".formatted(OpenedSettings.STAMP_SQL,
                        DeliveryRules.RECIPIENT_LOCK_SQL))
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId()).getResultList();
        return rows.stream().findFirst().flatMap(r -> {
            Pending p = pending(r);
            if (!p.status().pending()) {
                return Optional.empty();
            }
            DeliveryRules.QuietAt quiet = r[14] == null ? null : new DeliveryRules.QuietAt(DeliveryRules.time(r[14]),
                    DeliveryRules.time(r[15]), (String) r[16], (String) r[17]);
            Optional<DeliveryRules.Hold> hold = rules.gate(p, java.time.Instant.now(),
                    r[10] == null ? null : ((Number) r[10]).intValue(), quiet);
            if (hold.isPresent()) {
                return Optional.of(new Prepared(p, Optional.empty(), null, hold));
            }
            return Optional.of(new Prepared(p, template(p, (String) r[12], r[13]),
                    settings.current(OpenedSettings.stamp(r[11])), Optional.empty()));
        });
    }

    /** The tenant's own wording in the message's language, if written (json rows: language, subject, body, html). */
    private static Optional<io.cuadra.notifications.domain.Template> template(Pending p, String country, Object own) {
        String lang = io.cuadra.notifications.domain.Language.of(p.language());
        String[] wording = new String[3];
        if (own != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(own.toString()))) {
                for (jakarta.json.JsonValue v : reader.readArray()) {
                    jakarta.json.JsonArray a = v.asJsonArray();
                    if (lang.equals(a.getString(0))) {
                        for (int i = 0; i < 3; i++) {
                            wording[i] = a.isNull(i + 1) ? null : a.getString(i + 1);
                        }
                    }
                }
            }
        }
        return TemplateStore.resolve(country, p.event(), p.channel(), lang, wording[0], wording[1], wording[2]);
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
        return rows.stream().findFirst().map(NotificationLedger::pending);
    }

    private static Pending pending(Object[] r) {
        return new Pending(((Number) r[0]).longValue(),
                NotificationEvent.valueOf((String) r[1]), Channel.valueOf((String) r[2]), (String) r[3],
                (String) r[4], r[5] == null ? null : ((Number) r[5]).longValue(), variables((String) r[6]),
                NotificationStatus.valueOf((String) r[7]), ((Number) r[8]).intValue(),
                r[9] == null ? null : ((Number) r[9]).longValue());
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
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            o.forEach((k, v) -> out.put(k, o.getString(k, "")));
        }
        return out;
    }
}
