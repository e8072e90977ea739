package io.cuadra.inventory.events;

import java.math.BigDecimal;

/**
 * A stock move took an item's available quantity at a location (all its warehouses, on hand minus reserved) from
 * at least its critical level to below it. Fired once per crossing, not on every later sale below the level.
 */
public record StockBelowCritical(long locationId, String locationCode, long itemId, String itemCode,
                                 String itemName, BigDecimal available, BigDecimal criticalLevel) {
}
