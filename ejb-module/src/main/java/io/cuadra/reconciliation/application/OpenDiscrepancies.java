package io.cuadra.reconciliation.application;

/** How many discrepancies wait for a person at one location, and since which business day. */
public record OpenDiscrepancies(long locationId, String locationCode, String locationName, long open,
                                java.time.LocalDate oldestDay) {
}
