package io.cuadra.orders.domain;

import io.cuadra.shared.tax.TaxRate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an order line keeps of a catalog item at order time.
 *
 * @param type      PRODUCT or SERVICE
 * @param unitPrice the catalog price in the tenant's price basis (with or without tax)
 */
public record ItemSnapshot(long itemId, String code, String name, String type, String unitCode,
                           BigDecimal unitPrice, TaxRate tax) {

    public ItemSnapshot {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(tax, "tax");
    }
}
