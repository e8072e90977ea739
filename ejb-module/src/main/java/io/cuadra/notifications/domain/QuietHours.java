package io.cuadra.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A location's quiet hours, in its own time zone: from {@code from} (inclusive) to {@code until} (exclusive); when
 * {@code from} is after {@code until} they wrap past midnight (22:00–07:00). A non-urgent message due inside them
 * waits until they end.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.equals(until)) {
            throw new IllegalArgumentException("Quiet hours need a start different from their end.");
        }
    }

    public boolean contains(LocalTime t) {
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** When the quiet hours holding {@code now} end, or empty when {@code now} is outside them. */
    public Optional<Instant> endAfter(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate day = local.toLocalDate();
        // Past midnight's start the end is today; before it (evening part of a wrapping span) it is tomorrow.
        LocalDate endDay = !local.toLocalTime().isBefore(until) ? day.plusDays(1) : day;
        return Optional.of(ZonedDateTime.of(endDay, until, zone).toInstant());
    }
}
