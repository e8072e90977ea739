package io.cuadra.inventory.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A sale of one item from one warehouse on the location's business date, either picked FEFO or
 * from the lot the cashier chose.
 *
 * @param chosenLotId null for FEFO picking
 */
public record PickRequest(StockItem item, long warehouseId, Quantity quantity, LocalDate businessDate,
                          Long chosenLotId) {

    public PickRequest {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(quantity, "quantity").requirePositive("Quantity sold");
        Objects.requireNonNull(businessDate, "businessDate");
        if (chosenLotId != null && !item.lotTracked()) {
            throw new IllegalArgumentException("Item " + item.code() + " is not lot-tracked: no lot can be chosen");
        }
    }

    public static PickRequest fefo(StockItem item, long warehouseId, Quantity quantity, LocalDate businessDate) {
        return new PickRequest(item, warehouseId, quantity, businessDate, null);
    }

    public static PickRequest ofChosenLot(StockItem item, long warehouseId, Quantity quantity,
                                          LocalDate businessDate, long lotId) {
        return new PickRequest(item, warehouseId, quantity, businessDate, lotId);
    }

    public OptionalLong chosenLot() {
        return chosenLotId == null ? OptionalLong.empty() : OptionalLong.of(chosenLotId);
    }
}
