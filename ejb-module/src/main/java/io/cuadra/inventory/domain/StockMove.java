package io.cuadra.inventory.domain;

import java.util.Objects;

/**
 * One line of the stock ledger. {@code quantity} follows {@link StockMoveType}'s convention:
 * positive for every type but ADJUSTMENT, which carries its sign.
 */
public record StockMove(StockKey key, StockMoveType type, Quantity quantity) {

    public StockMove {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        type.checkRecorded(quantity);
    }

    public static StockMove of(StockMoveType type, long warehouseId, long itemId, long lotId, Quantity quantity) {
        return new StockMove(new StockKey(warehouseId, itemId, lotId), type, quantity);
    }

    /** What this move adds to (positive) or removes from (negative) its balance. */
    public Quantity effect() {
        return type.effectOf(quantity);
    }

    /** The move that undoes a sale: the same quantity back into the same lot of the same warehouse. */
    public StockMove returned() {
        if (type != StockMoveType.OUT) {
            throw new IllegalArgumentException("Only a sale (OUT) can be returned; this is " + type);
        }
        return new StockMove(key, StockMoveType.RETURN, quantity);
    }
}
