package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.ItemType;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a client says an item should be. {@code price} is read only when the item is created (later
 * changes go through a reprice with a reason); {@code components} null leaves the kit as it is.
 */
public record ItemDraft(ItemType type, String code, String barcode, String name, String description, Long categoryId,
                        String unitCode, BigDecimal price, long taxRateId, boolean trackLots, boolean trackExpiry,
                        BigDecimal criticalStock, BigDecimal weightKg, BigDecimal lengthCm, BigDecimal widthCm,
                        BigDecimal heightCm, boolean active, Map<Long, BigDecimal> components) {
}
