package io.cuadra.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantities of lots moved from one warehouse to another. The lots keep their identity (code,
 * expiry, cost) on arrival, so each take becomes a TRANSFER_OUT at the source and a TRANSFER_IN of
 * the same lot and quantity at the destination. Takes of the same lot are merged. Whether the source
 * holds enough is checked when the TRANSFER_OUT is applied to its {@link LotStock}.
 */
public record StockTransfer(long fromWarehouseId, long toWarehouseId, List<LotTake> takes) {

    public StockTransfer {
        if (fromWarehouseId == toWarehouseId) {
            throw new IllegalArgumentException("A transfer needs two different warehouses; got " + fromWarehouseId);
        }
        if (takes.isEmpty()) {
            throw new IllegalArgumentException("A transfer moves at least one lot");
        }
        Map<Long, LotTake> byLot = new LinkedHashMap<>();
        for (LotTake take : takes) {
            byLot.merge(take.lot().id(), take, (a, b) -> new LotTake(a.lot(), a.quantity().plus(b.quantity())));
        }
        takes = List.copyOf(byLot.values());
    }

    /** Pairs in take order: TRANSFER_OUT from the source, then TRANSFER_IN at the destination. */
    public List<StockMove> moves() {
        List<StockMove> moves = new ArrayList<>();
        for (LotTake take : takes) {
            Lot lot = take.lot();
            Quantity quantity = take.quantity();
            moves.add(StockMove.of(StockMoveType.TRANSFER_OUT, fromWarehouseId, lot.itemId(), lot.id(), quantity));
            moves.add(StockMove.of(StockMoveType.TRANSFER_IN, toWarehouseId, lot.itemId(), lot.id(), quantity));
        }
        return moves;
    }
}
