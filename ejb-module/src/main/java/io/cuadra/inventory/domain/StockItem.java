package io.cuadra.inventory.domain;

import java.util.Objects;

/**
 * A stocked item as the stock rules see it.
 *
 * @param lotTracked    false: all its stock sits in one implicit lot per warehouse (see {@link Lot#implicitFor})
 * @param criticalLevel below this available quantity an alert is raised; null means no alert
 */
public record StockItem(long id, String code, boolean lotTracked, Quantity criticalLevel) {

    public StockItem {
        Objects.requireNonNull(code, "code");
        if (criticalLevel != null && criticalLevel.isNegative()) {
            throw new IllegalArgumentException("A critical level cannot be negative; got " + criticalLevel);
        }
    }

    public static StockItem lotTracked(long id, String code) {
        return new StockItem(id, code, true, null);
    }

    public static StockItem untracked(long id, String code) {
        return new StockItem(id, code, false, null);
    }

    public StockItem withCriticalLevel(Quantity level) {
        return new StockItem(id, code, lotTracked, level);
    }
}
