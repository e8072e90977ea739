package io.cuadra.orders.domain;

import java.util.Objects;

/**
 * An order's number: the location code, the year in the location's zone and the position in that
 * location's year, e.g. {@code LIM01-2026-000123}. Six digits at least; a busier year simply grows longer.
 */
public record OrderNumber(String locationCode, int year, long sequence) {

    public OrderNumber {
        Objects.requireNonNull(locationCode, "locationCode");
        if (sequence < 1) {
            throw new IllegalArgumentException("Order numbers start at 1, not " + sequence);
        }
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("Not a plausible order year: " + year);
        }
    }

    @Override
    public String toString() {
        return String.format("%s-%04d-%06d", locationCode, year, sequence);
    }
}
