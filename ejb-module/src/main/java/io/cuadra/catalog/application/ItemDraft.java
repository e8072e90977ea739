package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.Category;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.catalog.domain.TaxRate;

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

    /**
     * A new, not yet stored item with every rule of the entity applied, its references already looked up
     * ({@code components} null: not a kit). Plain Java on purpose: an import job checks rows with it without
     * an EJB call whose refusal would doom the whole chunk's transaction.
     */
    public Item newItem(Category category, TaxRate taxRate, Map<Item, BigDecimal> components) {
        Item item = new Item(type, code, name, unitCode, price, taxRate);
        applyTo(item, category, taxRate, components);
        return item;
    }

    void applyTo(Item item, Category category, TaxRate taxRate, Map<Item, BigDecimal> components) {
        item.describe(name, description, barcode, category, unitCode, taxRate, active);
        item.stockAs(trackLots, trackExpiry, criticalStock);
        item.measure(weightKg, lengthCm, widthCm, heightCm);
        if (components != null) {
            item.useComponents(components);
        }
    }
}
