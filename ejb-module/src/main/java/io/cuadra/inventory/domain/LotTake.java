package io.cuadra.inventory.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A quantity taken from one lot: the unit of record for a sale, its return and its cost. */
public record LotTake(Lot lot, Quantity quantity) {

    public LotTake {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(quantity, "quantity").requirePositive("Quantity taken from a lot");
    }

    /** Exact cost of this take at the lot's unit cost, not yet rounded. */
    public BigDecimal cost() {
        return lot.unitCost().costOf(quantity);
    }

    public StockMove outOf(long warehouseId) {
        return StockMove.of(StockMoveType.OUT, warehouseId, lot.itemId(), lot.id(), quantity);
    }
}
