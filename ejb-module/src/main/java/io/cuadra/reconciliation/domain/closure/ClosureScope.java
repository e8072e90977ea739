package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * The one location and business day a closure covers, and the currency its cash is counted in. The
 * business day is already expressed in the location's own zone (the day ends at 23:59 local time).
 */
public record ClosureScope(String location, LocalDate businessDate, Currency currency) implements Serializable {

    public ClosureScope {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(currency, "currency");
        if (location.isBlank()) {
            throw new IllegalArgumentException("A closure needs a location");
        }
    }

    public static ClosureScope of(String location, LocalDate businessDate, String currencyCode) {
        return new ClosureScope(location, businessDate, Currency.getInstance(currencyCode));
    }

    public boolean covers(String otherLocation, LocalDate otherDate) {
        return location.equals(otherLocation) && businessDate.equals(otherDate);
    }

    @Override
    public String toString() {
        return location + " on " + businessDate;
    }
}
