package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.QuietHours;
import io.cuadra.notifications.domain.RecipientLimit;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a non-urgent message may go: not during its location's quiet hours, not past the per-recipient limit.
 * Either holds it (QUEUED, with the reason, until the given instant: delayed, never dropped) or lets it pass and
 * counts it for the recipient's hour. Urgent events and in-app alerts are never held.
 */
@Stateless
public class DeliveryRules {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "cuadra.notifications.recipient-per-hour", defaultValue = "30")
    int defaultPerHour;

    /** Why and until when a message waits. */
    public record Hold(Instant until, String reason) {
    }

    /** A location's quiet hours as set. */
    public record LocationQuietHours(long locationId, LocalTime from, LocalTime until) {
    }

    /** The tenant's rules: the limit per recipient and hour (null: the configured default) and quiet hours. */
    public record Rules(Integer recipientPerHour, int effectivePerHour, List<LocationQuietHours> quietHours) {
    }

    /** A location's quiet hours with its zone and code, as the delivery's read found them (or null). */
    public record QuietAt(LocalTime from, LocalTime until, String zone, String locationCode) {
    }

    /**
     * In the delivery's prepare transaction, whose read of the message already took the recipient's advisory lock
     * ({@link NotificationLedger#prepare}): holds the message, or lets it pass and stamps it dispatched (the
     * recipient's hour is counted under that lock, so parallel deliveries cannot all slip through). The count is
     * its own statement after the lock, so that it sees what the previous holder committed.
     */
    public Optional<Hold> gate(NotificationLedger.Pending p, Instant now, Integer setPerHour, QuietAt quiet) {
        if (p.event().urgent() || p.channel() == Channel.ALERT) {
            return Optional.empty();
        }
        long tenant = TenantContext.require().tenantId();
        if (quiet != null) {
            Optional<Instant> end = new QuietHours(quiet.from(), quiet.until()).endAfter(now, ZoneId.of(quiet.zone()));
            if (end.isPresent()) {
                return Optional.of(new Hold(end.get(), "Held until " + end.get() + ": quiet hours at "
                        + quiet.locationCode() + " (" + quiet.from() + "–" + quiet.until() + ")."));
            }
        }
        RecipientLimit limit = new RecipientLimit(setPerHour == null ? defaultPerHour : setPerHour);
        if (limit.perHour() > 0 && p.recipient() != null) {
            Object[] window = (Object[]) CrossTenantSql.query(em, """
                    select count(*), min(dispatched_at) from notification_messages
                     where tenant_id = ?1 and channel = ?2 and recipient = ?3 and id <> ?4 and dispatched_at > ?5""")
                    .setParameter(1, tenant).setParameter(2, p.channel().name()).setParameter(3, p.recipient())
                    .setParameter(4, p.id()).setParameter(5, Timestamp.from(now.minus(RecipientLimit.WINDOW)))
                    .getSingleResult();
            Optional<Instant> slot = limit.nextSlot(((Number) window[0]).longValue(), instant(window[1]));
            if (slot.isPresent()) {
                return Optional.of(new Hold(slot.get(), "Held until " + slot.get() + ": " + limit.perHour()
                        + " messages an hour to " + p.recipient() + " on " + p.channel() + " already went."));
            }
        }
        CrossTenantSql.query(em, "update notification_messages set dispatched_at = ?3 where id = ?1 and tenant_id = ?2")
                .setParameter(1, p.id()).setParameter(2, tenant).setParameter(3, Timestamp.from(now)).executeUpdate();
        return Optional.empty();
    }

    /** The recipient's lock, taken by the delivery's read (SQL over the message row {@code m}). */
    static final String RECIPIENT_LOCK_SQL = """
            case when m.status = 'QUEUED' and m.channel <> 'ALERT' and m.recipient is not null
                 then pg_advisory_xact_lock(hashtextextended('notify:' || m.tenant_id || '|' || m.channel || '|'
                      || m.recipient, 0)) is not null end""";

    public Rules current() {
        long tenant = TenantContext.require().tenantId();
        @SuppressWarnings("unchecked")
        List<Number> own = CrossTenantSql.query(em,
                "select recipient_per_hour from notification_settings where tenant_id = ?1").setParameter(1, tenant)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select location_id, quiet_from, quiet_until from notification_quiet_hours where tenant_id = ?1
                 order by location_id""").setParameter(1, tenant).getResultList();
        List<LocationQuietHours> quiet = new ArrayList<>();
        rows.forEach(r -> quiet.add(new LocationQuietHours(((Number) r[0]).longValue(), time(r[1]), time(r[2]))));
        Integer set = own.isEmpty() || own.get(0) == null ? null : own.get(0).intValue();
        return new Rules(set, set == null ? defaultPerHour : set, quiet);
    }

    /** Sets the limit (null: the default) and replaces the quiet hours of every location listed. */
    public Rules save(Integer recipientPerHour, List<LocationQuietHours> quietHours) {
        long tenant = TenantContext.require().tenantId();
        String actor = TenantContext.actorName();
        if (recipientPerHour != null && recipientPerHour < 0) {
            throw new RuleViolation("The limit per recipient cannot be negative.")
                    .withKey("notifications.recipientLimitNegative");
        }
        CrossTenantSql.query(em, """
                insert into notification_settings (tenant_id, recipient_per_hour, created_by, updated_by)
                values (?1, cast(?2 as int), ?3, ?3)
                on conflict (tenant_id) do update set recipient_per_hour = excluded.recipient_per_hour,
                       updated_at = now(), updated_by = excluded.updated_by,
                       version = notification_settings.version + 1""")
                .setParameter(1, tenant).setParameter(2, recipientPerHour).setParameter(3, actor).executeUpdate();
        for (LocationQuietHours q : quietHours) {
            long locations = ((Number) CrossTenantSql.query(em,
                            "select count(*) from locations where id = ?1 and tenant_id = ?2")
                    .setParameter(1, q.locationId()).setParameter(2, tenant).getSingleResult()).longValue();
            if (locations == 0) {
                throw new NotFound("No location " + q.locationId() + ".").withKey("identity.location", q.locationId());
            }
            if (q.from() == null || q.until() == null) {
                CrossTenantSql.query(em, "delete from notification_quiet_hours where tenant_id = ?1 and location_id = ?2")
                        .setParameter(1, tenant).setParameter(2, q.locationId()).executeUpdate();
                continue;
            }
            if (q.from().equals(q.until())) {
                throw new RuleViolation("Quiet hours need a start different from their end.")
                        .withKey("notifications.quietHoursEmpty");
            }
            CrossTenantSql.query(em, """
                    insert into notification_quiet_hours (tenant_id, location_id, quiet_from, quiet_until, created_by,
                           updated_by)
                    values (?1, ?2, ?3, ?4, ?5, ?5)
                    on conflict (tenant_id, location_id) do update set quiet_from = excluded.quiet_from,
                           quiet_until = excluded.quiet_until, updated_at = now(), updated_by = excluded.updated_by,
                           version = notification_quiet_hours.version + 1""")
                    .setParameter(1, tenant).setParameter(2, q.locationId()).setParameter(3, Time.valueOf(q.from()))
                    .setParameter(4, Time.valueOf(q.until())).setParameter(5, actor).executeUpdate();
        }
        return current();
    }

    static LocalTime time(Object o) {
        return o instanceof Time t ? t.toLocalTime() : o instanceof LocalTime l ? l : LocalTime.parse(o.toString());
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : o instanceof Instant i ? i : Instant.parse(o.toString());
    }
}
