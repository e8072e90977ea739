package io.cuadra.inventory.domain;

/** Where a balance lives: one lot of one item in one warehouse (the implicit lot for untracked items). */
public record StockKey(long warehouseId, long itemId, long lotId) {
}
