package io.cuadra.notifications.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history of messages as the caller may see it (their tenant; messages of their locations, or of none), the
 * resend of one, and the caller's own in-app alerts.
 */
@Stateless
public class NotificationHistory {

    private static final String COLUMNS = """
            id, event, channel, language, recipient, customer_id, order_id, document_id, location_id, status, reason,
            attempts, provider_id, provider_answer, created_at, sent_at, read_at, resend_of, variables""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    NotificationsQueue queue;

    public Page<NotificationView> list(NotificationFilter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        Query q = CrossTenantSql.query(em, "select " + COLUMNS + " from notification_messages where " + where
                + " order by created_at desc, id desc limit " + size + " offset " + ((long) page * size));
        Query count = CrossTenantSql.query(em, "select count(*) from notification_messages where " + where);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return new Page<>(rows.stream().map(NotificationHistory::view).toList(),
                ((Number) count.getSingleResult()).longValue(), page, size);
    }

    public NotificationView get(long id) {
        return find(id).orElseThrow(() -> new NotFound("No notification " + id + ".").withKey("notifications.notification", id));
    }

    /**
     * Sends a message again as a new message (the history keeps both), to the same recipient with the same
     * variables; consent is judged again. A message still QUEUED is already on its way.
     */
    public NotificationView resend(long id) {
        NotificationView m = get(id);
        if (NotificationStatus.valueOf(m.status()) == NotificationStatus.QUEUED) {
            throw new Conflict("Notification " + id + " is still queued: it is on its way.").withKey("notifications.notificationStillQueued", id);
        }
        if (NotificationEvent.valueOf(m.event()).secret()) {
            throw new Conflict("Notification " + id + " carried a single-use secret: ask for a new one.")
                    .withKey("notifications.secretNotResent", id);
        }
        if (Channel.valueOf(m.channel()) == Channel.ALERT) {
            throw new Conflict("An in-app alert is not sent again.").withKey("notifications.appAlertSent");
        }
        var queued = queue.queue(new NotificationDraft(NotificationEvent.valueOf(m.event()),
                Channel.valueOf(m.channel()), m.language(), m.recipient(), null, m.customerId(), m.orderId(),
                m.documentId(), m.locationId(), m.variables(), consentNow(m)), id);
        return get(queued.id());
    }

    /** The caller's alerts and how many are unread: one read, one transaction (the API's bell). */
    public record AlertsView(long unread, List<NotificationView> items) {
    }

    /** {@link #myAlerts} and {@link #unreadCount} together, in this one transaction. */
    public AlertsView alerts(boolean unreadOnly, int max) {
        return new AlertsView(unreadCount(), myAlerts(unreadOnly, max));
    }

    /** The caller's in-app alerts, newest first (unread ones first when {@code unreadOnly}). */
    public List<NotificationView> myAlerts(boolean unreadOnly, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select " + COLUMNS + " from notification_messages"
                        + " where tenant_id = ?1 and recipient_user_id = ?2 and channel = 'ALERT'"
                        + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id desc limit ?3")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, CurrentCaller.require().userId())
                .setParameter(3, max).getResultList();
        return rows.stream().map(NotificationHistory::view).toList();
    }

    public long unreadCount() {
        return ((Number) CrossTenantSql.query(em, """
                select count(*) from notification_messages where tenant_id = ?1 and recipient_user_id = ?2
                   and channel = 'ALERT' and read_at is null""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, CurrentCaller.require().userId())
                .getSingleResult()).longValue();
    }

    /** Marks one of the caller's alerts read (someone else's is not found); reading twice changes nothing. */
    public void markRead(long id) {
        int changed = CrossTenantSql.query(em, """
                update notification_messages set read_at = coalesce(read_at, now()), updated_at = now(),
                       updated_by = ?4, version = version + 1
                 where id = ?1 and tenant_id = ?2 and recipient_user_id = ?3 and channel = 'ALERT'""")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId())
                .setParameter(3, CurrentCaller.require().userId()).setParameter(4, TenantContext.actorName())
                .executeUpdate();
        if (changed == 0) {
            throw new NotFound("No alert " + id + ".").withKey("notifications.alert", id);
        }
    }

    public int markAllRead() {
        return CrossTenantSql.query(em, """
                update notification_messages set read_at = now(), updated_at = now(), updated_by = ?3,
                       version = version + 1
                 where tenant_id = ?1 and recipient_user_id = ?2 and channel = 'ALERT' and read_at is null""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, CurrentCaller.require().userId())
                .setParameter(3, TenantContext.actorName()).executeUpdate();
    }

    /** A resend asks the customer's consent as it stands today; other recipients (users) have no opt-out. */
    private Consent consentNow(NotificationView m) {
        if (m.customerId() == null) {
            return Consent.everything();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select contact_opt_out, opted_out_channels from customers where id = ?1 and tenant_id = ?2""")
                .setParameter(1, m.customerId()).setParameter(2, TenantContext.require().tenantId()).getResultList();
        if (rows.isEmpty()) {
            return new Consent(true, java.util.Set.of());
        }
        String channels = (String) rows.get(0)[1];
        return new Consent(Boolean.TRUE.equals(rows.get(0)[0]), java.util.Arrays.stream(channels.split(","))
                .filter(s -> !s.isBlank()).map(s -> Channel.ofContact(s).orElse(null))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    }

    private java.util.Optional<NotificationView> find(long id) {
        List<Object> params = new ArrayList<>();
        String where = where(new NotificationFilter(null, null, null, null), params);
        params.add(id);
        Query q = CrossTenantSql.query(em, "select " + COLUMNS + " from notification_messages where " + where
                + " and id = ?" + params.size());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().findFirst().map(NotificationHistory::view);
    }

    private static String where(NotificationFilter f, List<Object> params) {
        List<String> and = new ArrayList<>();
        params.add(TenantContext.require().tenantId());
        and.add("tenant_id = ?" + params.size());
        Caller caller = CurrentCaller.get().orElse(null);
        if (caller != null && !caller.allLocations()) {
            String ids = caller.locationIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            and.add("(location_id is null" + (ids.isEmpty() ? "" : " or location_id in (" + ids + ")") + ")");
        }
        if (f.orderId() != null) {
            params.add(f.orderId());
            and.add("order_id = ?" + params.size());
        }
        if (f.customerId() != null) {
            params.add(f.customerId());
            and.add("customer_id = ?" + params.size());
        }
        if (f.channel() != null) {
            params.add(f.channel().name());
            and.add("channel = ?" + params.size());
        }
        if (f.status() != null) {
            params.add(f.status().name());
            and.add("status = ?" + params.size());
        }
        return String.join(" and ", and);
    }

    private static NotificationView view(Object[] r) {
        return new NotificationView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], lng(r[5]), lng(r[6]), lng(r[7]), lng(r[8]), (String) r[9], (String) r[10],
                ((Number) r[11]).intValue(), (String) r[12], (String) r[13], instant(r[14]), instant(r[15]),
                instant(r[16]), lng(r[17]), secret((String) r[1]) ? Map.of() : NotificationLedger.variables((String) r[18]));
    }

    /** A secret (a reset token) is never shown, not even while its message waits to be sent. */
    private static boolean secret(String event) {
        return NotificationEvent.valueOf(event).secret();
    }

    private static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return o instanceof Instant i ? i : Instant.parse(o.toString());
    }
}
