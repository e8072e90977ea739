package io.cuadra.reconciliation.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one location has taken so far in its business day, read as the closure would read it:
 * sales registered (invoiced less credited) and the cash that should be in the drawer.
 *
 * @param closed whether that day is already closed (its figures no longer move)
 */
public record DayFigures(long locationId, String locationCode, String locationName, LocalDate businessDate,
                         String currency, int orderCount, BigDecimal registeredTotal, BigDecimal expectedCash,
                         boolean closed) {
}
