package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Where and when a closure reads: the location's business day as the instants it spans in the
 * location's own zone (a day may be 23 or 25 hours long where clocks change), and the closure's
 * stored state at the moment it was planned.
 */
public record ClosureDay(long closureId, long locationId, String locationCode, LocalDate businessDate, ZoneId zone,
                         Currency currency, ClosureStatus status) implements Serializable {

    public ClosureScope scope() {
        return new ClosureScope(locationCode, businessDate, currency);
    }

    public Instant start() {
        return businessDate.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return businessDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The business day an instant falls on at this location. */
    public static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
