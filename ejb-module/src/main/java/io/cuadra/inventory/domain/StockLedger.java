package io.cuadra.inventory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Balances per (warehouse, item, lot) as the sum of the effects of the moves
 * ({@link StockMoveType} fixes the sign of each), for checking that the balance rows always equal
 * the ledger.
 */
public final class StockLedger {

    private static final Comparator<StockKey> KEY_ORDER = Comparator.comparingLong(StockKey::warehouseId)
            .thenComparingLong(StockKey::itemId)
            .thenComparingLong(StockKey::lotId);

    private final Map<StockKey, Quantity> balances;

    private StockLedger(Map<StockKey, Quantity> balances) {
        this.balances = balances;
    }

    public static StockLedger of(Iterable<StockMove> moves) {
        Map<StockKey, Quantity> balances = new LinkedHashMap<>();
        for (StockMove move : moves) {
            balances.merge(move.key(), move.effect(), Quantity::plus);
        }
        return new StockLedger(balances);
    }

    /** Zero for a key no move touched. */
    public Quantity balanceOf(StockKey key) {
        return balances.getOrDefault(key, Quantity.ZERO);
    }

    /** Every key some move touched, including those that came back to zero. */
    public Map<StockKey, Quantity> balances() {
        return Collections.unmodifiableMap(balances);
    }

    /** Differences from recorded balances, ordered by warehouse, item, lot; empty when they agree. */
    public List<BalanceDifference> differencesFrom(Map<StockKey, Quantity> recorded) {
        Set<StockKey> keys = new LinkedHashSet<>(balances.keySet());
        keys.addAll(recorded.keySet());
        List<BalanceDifference> differences = new ArrayList<>();
        for (StockKey key : keys) {
            Quantity ledger = balanceOf(key);
            Quantity held = recorded.getOrDefault(key, Quantity.ZERO);
            if (!ledger.equals(held)) {
                differences.add(new BalanceDifference(key, ledger, held));
            }
        }
        differences.sort(Comparator.comparing(BalanceDifference::key, KEY_ORDER));
        return differences;
    }

    public List<BalanceDifference> differencesFrom(Collection<LotStock> stock) {
        Map<StockKey, Quantity> recorded = new LinkedHashMap<>();
        for (LotStock s : stock) {
            if (recorded.put(s.key(), s.onHand()) != null) {
                throw new IllegalArgumentException("Balance " + s.key() + " passed twice");
            }
        }
        return differencesFrom(recorded);
    }
}
