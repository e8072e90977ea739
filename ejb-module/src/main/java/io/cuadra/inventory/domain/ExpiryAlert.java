package io.cuadra.inventory.domain;

/** A lot with stock that expires soon (or already has: {@code daysLeft} is then negative). */
public record ExpiryAlert(LotStock stock, long daysLeft) {

    public boolean expired() {
        return daysLeft < 0;
    }
}
