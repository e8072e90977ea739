package io.cuadra.inventory.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Daily warnings for the back office. */
public final class StockAlerts {

    private StockAlerts() {
    }

    /**
     * Items whose available quantity is strictly below their critical level, most missing first.
     * An item absent from {@code availableByItem} has nothing available; an item without a critical
     * level is never reported.
     */
    public static List<LowStockAlert> belowCriticalLevel(Collection<StockItem> items,
                                                         Map<Long, Quantity> availableByItem) {
        return items.stream()
                .filter(item -> item.criticalLevel() != null)
                .map(item -> new LowStockAlert(item, availableByItem.getOrDefault(item.id(), Quantity.ZERO)))
                .filter(alert -> alert.available().isLessThan(alert.item().criticalLevel()))
                .sorted(Comparator.comparing(LowStockAlert::missing).reversed()
                        .thenComparingLong(alert -> alert.item().id()))
                .toList();
    }

    /**
     * Lots with stock on hand whose expiry date is at most {@code days} days after the business
     * date, soonest first. Lots already expired but still on hand are included (negative days
     * left): they need to be written off, which is more urgent than anything expiring.
     */
    public static List<ExpiryAlert> expiringWithin(Collection<LotStock> stock, LocalDate businessDate, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("The alert window cannot be negative; got " + days);
        }
        LocalDate horizon = businessDate.plusDays(days);
        return stock.stream()
                .filter(s -> s.onHand().isPositive())
                .filter(s -> s.lot().expiresOn() != null && !s.lot().expiresOn().isAfter(horizon))
                .map(s -> new ExpiryAlert(s, ChronoUnit.DAYS.between(businessDate, s.lot().expiresOn())))
                .sorted(Comparator.comparing((ExpiryAlert a) -> a.stock().lot(), Lot.FEFO_ORDER)
                        .thenComparingLong(a -> a.stock().warehouseId()))
                .toList();
    }

    /**
     * Whether a change of the available quantity from {@code before} to {@code after} crossed the critical level
     * downwards: at or above it before, strictly below after. No level, no crossing.
     */
    public static boolean crossedBelowCritical(Quantity criticalLevel, Quantity before, Quantity after) {
        return criticalLevel != null && !before.isLessThan(criticalLevel) && after.isLessThan(criticalLevel);
    }
}
