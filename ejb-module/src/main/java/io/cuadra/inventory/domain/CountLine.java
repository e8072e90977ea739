package io.cuadra.inventory.domain;

import java.util.Objects;

/** What was found of one lot on the shelf. */
public record CountLine(long itemId, long lotId, Quantity counted) {

    public CountLine {
        Objects.requireNonNull(counted, "counted");
        if (counted.isNegative()) {
            throw new IllegalArgumentException("A counted quantity cannot be negative; got " + counted);
        }
    }
}
