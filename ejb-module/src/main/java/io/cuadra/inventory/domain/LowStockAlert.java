package io.cuadra.inventory.domain;

/** An item whose available quantity is below its critical level. */
public record LowStockAlert(StockItem item, Quantity available) {

    /** How much is needed to reach the critical level again. */
    public Quantity missing() {
        return item.criticalLevel().minus(available);
    }
}
