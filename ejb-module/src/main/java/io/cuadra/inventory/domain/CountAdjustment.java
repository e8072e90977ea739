package io.cuadra.inventory.domain;

/** The correction a count makes to one lot: counted − book, positive when more was found. */
public record CountAdjustment(StockKey key, Quantity book, Quantity counted) {

    public Quantity difference() {
        return counted.minus(book);
    }

    public StockMove toMove() {
        return new StockMove(key, StockMoveType.ADJUSTMENT, difference());
    }
}
