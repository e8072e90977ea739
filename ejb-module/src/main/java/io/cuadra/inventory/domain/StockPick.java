package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Money;

import java.util.Currency;
import java.util.List;

/**
 * The outcome of picking a sale: the takes per lot (what the order line records), the stock of
 * each touched lot afterwards, and the shortfall that was charged beyond the stock (always zero
 * with the never-negative switch on).
 */
public record StockPick(long warehouseId, long itemId, Quantity requested, List<LotTake> takes,
                        List<LotStock> stockAfter, Quantity shortfall) {

    public StockPick {
        takes = List.copyOf(takes);
        stockAfter = List.copyOf(stockAfter);
        Quantity taken = takes.stream().map(LotTake::quantity).reduce(Quantity.ZERO, Quantity::plus);
        if (!taken.equals(requested)) {
            throw new IllegalArgumentException("Takes add up to " + taken + ", not the " + requested + " requested");
        }
    }

    /** One OUT move per take. */
    public List<StockMove> moves() {
        return takes.stream().map(take -> take.outOf(warehouseId)).toList();
    }

    /** The moves that undo this sale when a paid order is cancelled: same lots, same quantities. */
    public List<StockMove> returnMoves() {
        return moves().stream().map(StockMove::returned).toList();
    }

    public Money costOfGoodsSold(Currency currency) {
        return CostOfGoodsSold.ofLine(currency, takes);
    }
}
