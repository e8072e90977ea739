package io.cuadra.orders.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.orders.domain.OrderNumber;
import io.cuadra.shared.numbering.Counter;
import io.cuadra.shared.numbering.GapFreeCounters;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;

/**
 * Gap-free order numbers per location and year (LIM01-2026-000123), from the shared counter: the
 * registering transaction holds the location's counter row until it ends, so the next registration at
 * the location waits, and a rollback gives the number back.
 */
@Stateless
public class OrderNumbering {

    @EJB
    GapFreeCounters counters;

    /** The next number at the location for the year of {@code at} in the location's zone. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OrderNumber next(Location location, Instant at) {
        int year = at.atZone(location.zone()).getYear();
        long number = counters.next(Counter.ORDER, Counter.scope(location.getId(), year));
        return new OrderNumber(location.getCode(), year, number);
    }
}
