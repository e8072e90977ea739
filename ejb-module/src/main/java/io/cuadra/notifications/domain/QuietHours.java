package io.cuadra.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When customers are not to be messaged on their phone (WhatsApp, SMS), in the location's own time: e.g.
 * 21:00-08:00 across midnight, or 13:00-15:00 within a day. A message due then is held and sent when the quiet
 * hours end. E-mail and in-app alerts are not held (nobody's phone rings for them).
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public QuietHours {
        if (from == null || until == null || from.equals(until)) {
            throw new IllegalArgumentException("Quiet hours need a start and a different end.");
        }
    }

    /** {@code HH:mm-HH:mm}; blank means none. */
    public static Optional<QuietHours> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("-");
        try {
            if (parts.length == 2) {
                return Optional.of(new QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())));
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("Quiet hours are written HH:mm-HH:mm, e.g. 21:00-08:00: " + text);
    }

    /** Empty when a message may go now; otherwise the instant the quiet hours end. */
    public Optional<Instant> heldUntil(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean overnight = from.isAfter(until);
        boolean quiet = overnight ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1).with(until);
        }
        return Optional.of(end.toInstant());
    }

    @Override
    public String toString() {
        return from + "-" + until;
    }
}
