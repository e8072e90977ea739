package io.cuadra.inventory.domain;

import java.util.Objects;

/**
 * On hand and reserved quantities of one item in one warehouse; available = on hand − reserved.
 * Reservations are kept per item, not per lot, because lots are only picked when the order is paid.
 *
 * <p>Reservation operations always refuse to go below zero: a reservation needs available stock,
 * and only what is reserved can be released or consumed. Physical decreases ({@link #issue},
 * {@link #adjust}) honour the never-negative switch: when on they refuse to dip into stock that is
 * reserved for other orders, so with the switch on 0 ≤ reserved ≤ on hand always holds.
 */
public record StockBalance(Quantity onHand, Quantity reserved) {

    public static final StockBalance EMPTY = new StockBalance(Quantity.ZERO, Quantity.ZERO);

    public StockBalance {
        Objects.requireNonNull(onHand, "onHand");
        Objects.requireNonNull(reserved, "reserved");
        if (reserved.isNegative()) {
            throw new IllegalArgumentException("Reserved cannot be negative; got " + reserved);
        }
    }

    public static StockBalance onHand(Quantity onHand) {
        return new StockBalance(onHand, Quantity.ZERO);
    }

    public Quantity available() {
        return onHand.minus(reserved);
    }

    public StockBalance receive(Quantity quantity) {
        return new StockBalance(onHand.plus(quantity.requirePositive("Quantity received")), reserved);
    }

    /** Holds stock for a registered order. */
    public StockBalance reserve(long itemId, Quantity quantity) {
        quantity.requirePositive("Quantity reserved");
        if (quantity.isGreaterThan(available())) {
            throw new InsufficientStockException(itemId, quantity, available().max(Quantity.ZERO));
        }
        return new StockBalance(onHand, reserved.plus(quantity));
    }

    /** Gives back a reservation of a cancelled order. */
    public StockBalance release(Quantity quantity) {
        quantity.requirePositive("Quantity released");
        if (quantity.isGreaterThan(reserved)) {
            throw new IllegalStateException("Cannot release " + quantity + ": only " + reserved + " reserved");
        }
        return new StockBalance(onHand, reserved.minus(quantity));
    }

    /** A paid order takes the goods it had reserved: both on hand and reserved go down. */
    public StockBalance consume(Quantity quantity) {
        quantity.requirePositive("Quantity consumed");
        if (quantity.isGreaterThan(reserved)) {
            throw new IllegalStateException("Cannot consume " + quantity + ": only " + reserved + " reserved");
        }
        return new StockBalance(onHand.minus(quantity), reserved.minus(quantity));
    }

    /** Takes unreserved stock out (a sale without reservation, a transfer, wastage). */
    public StockBalance issue(long itemId, Quantity quantity, StockPolicy policy) {
        return adjust(itemId, quantity.requirePositive("Quantity issued").negate(), policy);
    }

    /** Applies a signed change of on hand, e.g. the effect of a ledger move. */
    public StockBalance adjust(long itemId, Quantity delta, StockPolicy policy) {
        if (delta.isNegative() && policy.neverNegative() && delta.negate().isGreaterThan(available())) {
            throw new InsufficientStockException(itemId, delta.negate(), available().max(Quantity.ZERO));
        }
        return new StockBalance(onHand.plus(delta), reserved);
    }
}
