package io.cuadra.inventory.domain;

/** A quantity of stocked goods an order line needs once kits are exploded. */
public record StockDemand(long itemId, Quantity quantity) {
}
