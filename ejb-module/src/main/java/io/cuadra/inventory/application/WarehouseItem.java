package io.cuadra.inventory.application;

import java.util.Comparator;

/** One item in one warehouse: the key of a stock level row, and the unit of locking. */
public record WarehouseItem(long warehouseId, long itemId) {

    /** The order every transaction locks levels in, so two of them never wait for each other in a circle. */
    public static final Comparator<WarehouseItem> LOCK_ORDER = Comparator.comparingLong(WarehouseItem::warehouseId)
            .thenComparingLong(WarehouseItem::itemId);
}
