package io.cuadra.inventory.domain;

/**
 * Kinds of stock move and their sign convention. Every type except {@link #ADJUSTMENT} is recorded
 * with a strictly positive quantity and the type gives the direction; an adjustment is recorded
 * with its sign (positive: more found than the book said; negative: less). Zero moves are refused.
 */
public enum StockMoveType {

    /** Receipt from a supplier or opening stock: adds. */
    IN(1),
    /** Sale or consumption: removes. */
    OUT(-1),
    /** Count or correction: signed quantity, added as recorded. */
    ADJUSTMENT(0),
    /** Leaves the source warehouse of a transfer: removes. */
    TRANSFER_OUT(-1),
    /** Arrives at the destination warehouse of a transfer: adds. */
    TRANSFER_IN(1),
    /** Broken, expired or lost: removes. */
    WASTAGE(-1),
    /** Goods of a cancelled sale put back into the lot they came from: adds. */
    RETURN(1);

    private final int direction;

    StockMoveType(int direction) {
        this.direction = direction;
    }

    public boolean isSigned() {
        return direction == 0;
    }

    /** Checks a recorded quantity against this type's convention. */
    public Quantity checkRecorded(Quantity quantity) {
        if (isSigned() ? quantity.isZero() : !quantity.isPositive()) {
            throw new IllegalArgumentException(this + " is recorded with a "
                    + (isSigned() ? "non-zero signed" : "positive") + " quantity; got " + quantity);
        }
        return quantity;
    }

    /** The effect on the balance of a move of this type recorded with {@code quantity}. */
    public Quantity effectOf(Quantity quantity) {
        checkRecorded(quantity);
        return direction < 0 ? quantity.negate() : quantity;
    }
}
