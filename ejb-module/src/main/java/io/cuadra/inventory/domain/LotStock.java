package io.cuadra.inventory.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The quantity on hand of one lot in one warehouse: what a lot-level balance row holds. Immutable;
 * every operation returns the new stock. Decreases refuse to go below zero unless the policy's
 * never-negative switch is off.
 */
public record LotStock(Lot lot, long warehouseId, Quantity onHand) {

    public LotStock {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(onHand, "onHand");
    }

    public static LotStock empty(Lot lot, long warehouseId) {
        return new LotStock(lot, warehouseId, Quantity.ZERO);
    }

    public StockKey key() {
        return new StockKey(warehouseId, lot.itemId(), lot.id());
    }

    public long itemId() {
        return lot.itemId();
    }

    /** What can actually be taken: a negative balance offers nothing. */
    public Quantity takeable() {
        return onHand.max(Quantity.ZERO);
    }

    public boolean isSellableOn(LocalDate businessDate, StockPolicy policy) {
        return !(policy.blockExpiredLots() && lot.isExpiredOn(businessDate));
    }

    /** Takes a quantity out, refusing to take more than is on hand. */
    public LotStock take(Quantity quantity) {
        return take(quantity, StockPolicy.DEFAULT);
    }

    public LotStock take(Quantity quantity, StockPolicy policy) {
        return changedBy(quantity.requirePositive("Quantity taken").negate(), policy);
    }

    public LotStock putBack(Quantity quantity) {
        return changedBy(quantity.requirePositive("Quantity put back"), StockPolicy.DEFAULT);
    }

    /** Applies a ledger move of this very lot and warehouse. */
    public LotStock apply(StockMove move, StockPolicy policy) {
        if (!move.key().equals(key())) {
            throw new IllegalArgumentException("Move for " + move.key() + " applied to the stock of " + key());
        }
        return changedBy(move.effect(), policy);
    }

    private LotStock changedBy(Quantity delta, StockPolicy policy) {
        Quantity after = onHand.plus(delta);
        if (after.isNegative() && delta.isNegative() && policy.neverNegative()) {
            throw new InsufficientStockException(lot.itemId(), lot.id(), delta.negate(), takeable());
        }
        return new LotStock(lot, warehouseId, after);
    }
}
