package io.cuadra.inventory.domain;

import java.util.Objects;

/** One component of a kit and how much of it one kit contains. */
public record KitComponent(long itemId, Quantity quantityPerKit) {

    public KitComponent {
        Objects.requireNonNull(quantityPerKit, "quantityPerKit").requirePositive("Quantity per kit");
    }
}
