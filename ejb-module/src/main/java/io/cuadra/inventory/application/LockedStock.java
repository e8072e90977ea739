package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockBalance;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockMove;
import io.cuadra.inventory.domain.StockMoveType;
import io.cuadra.inventory.domain.StockPolicy;
import io.cuadra.inventory.domain.UnitCost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stock an operation has locked ({@link StockKeeper#lock}): the levels of some items in some
 * warehouses and the lot balances under them, as the domain values the rules work on. Moves and
 * reservations are applied here in memory, through the rules, and written by
 * {@link StockKeeper#write} in the same transaction — so a refused operation writes nothing.
 */
public final class LockedStock {

    final Map<WarehouseItem, Level> levels = new LinkedHashMap<>();
    final Map<StockKey, LotRow> lots = new LinkedHashMap<>();
    final List<Pending> moves = new ArrayList<>();
    final List<Reservation> reservations = new ArrayList<>();

    LockedStock() {
    }

    /** The lots of an item in a warehouse with their balances, as the FEFO picker wants them. */
    public List<LotStock> lotsOf(long warehouseId, long itemId) {
        requireLevel(warehouseId, itemId);
        return lots.values().stream()
                .filter(r -> r.stock.warehouseId() == warehouseId && r.stock.itemId() == itemId)
                .sorted(Comparator.comparingLong(r -> r.stock.lot().id()))
                .map(r -> r.stock).toList();
    }

    /** Every lot balance held for one warehouse (a count's book). */
    public List<LotStock> lotsIn(long warehouseId) {
        return lots.values().stream().filter(r -> r.stock.warehouseId() == warehouseId).map(r -> r.stock).toList();
    }

    public Optional<LotStock> lot(StockKey key) {
        LotRow row = lots.get(key);
        return row == null ? Optional.empty() : Optional.of(row.stock);
    }

    public StockBalance level(long warehouseId, long itemId) {
        return requireLevel(warehouseId, itemId).balance;
    }

    /**
     * Applies one move to its lot and to the item's level through the rules (never negative, never
     * into stock reserved for others when the switch is on) and queues it for writing.
     *
     * @param unitCost the cost the move carries: the incoming cost for a receipt, the lot's cost otherwise
     */
    public void apply(StockMove move, UnitCost unitCost, MoveReference reference, String reason, StockPolicy policy) {
        StockKey key = move.key();
        Level level = requireLevel(key.warehouseId(), key.itemId());
        LotRow lot = lots.get(key);
        if (lot == null) {
            throw new IllegalStateException("Lot balance " + key + " was not locked");
        }
        LotStock lotAfter = lot.stock.apply(move, policy);
        StockBalance levelAfter = level.balance.adjust(key.itemId(), move.effect(), policy);
        lot.stock = lotAfter;
        lot.dirty = true;
        level.balance = levelAfter;
        level.lastLine++;
        level.dirty = true;
        moves.add(new Pending(move, level.lastLine, levelAfter.onHand(), lotAfter.onHand(), unitCost, reference,
                reason));
    }

    /** Holds stock of an item for an order line (refused beyond what is available). */
    public void reserve(long warehouseId, long itemId, Quantity quantity, MoveReference orderLine) {
        Level level = requireLevel(warehouseId, itemId);
        level.balance = level.balance.reserve(itemId, quantity);
        level.dirty = true;
        reservations.add(new Reservation(warehouseId, itemId, quantity, orderLine));
    }

    /** Gives back held stock (the order was cancelled, or is being paid and takes its goods now). */
    public void release(long warehouseId, long itemId, Quantity quantity) {
        Level level = requireLevel(warehouseId, itemId);
        level.balance = level.balance.release(quantity);
        level.dirty = true;
    }

    /** The moves applied so far, in order. */
    public List<StockMove> appliedMoves() {
        return Collections.unmodifiableList(moves.stream().map(Pending::move).toList());
    }

    private Level requireLevel(long warehouseId, long itemId) {
        Level level = levels.get(new WarehouseItem(warehouseId, itemId));
        if (level == null) {
            throw new IllegalStateException("Item " + itemId + " in warehouse " + warehouseId + " was not locked");
        }
        return level;
    }

    static final class Level {
        final long id;
        StockBalance balance;
        long lastLine;
        boolean dirty;

        Level(long id, StockBalance balance, long lastLine) {
            this.id = id;
            this.balance = balance;
            this.lastLine = lastLine;
        }
    }

    static final class LotRow {
        final long id;
        LotStock stock;
        boolean dirty;

        LotRow(long id, LotStock stock) {
            this.id = id;
            this.stock = stock;
        }
    }

    record Pending(StockMove move, long lineNo, Quantity balanceAfter, Quantity lotBalanceAfter, UnitCost unitCost,
                   MoveReference reference, String reason) {
        StockMoveType type() {
            return move.type();
        }
    }

    record Reservation(long warehouseId, long itemId, Quantity quantity, MoveReference orderLine) {
    }
}
