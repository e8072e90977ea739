package io.cuadra.inventory.domain;

/** A balance that disagrees with the ledger; a missing balance or ledger entry counts as zero. */
public record BalanceDifference(StockKey key, Quantity ledger, Quantity recorded) {

    /** recorded − ledger: positive when the balance shows more than the moves explain. */
    public Quantity gap() {
        return recorded.minus(ledger);
    }
}
