package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.Warehouse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A warehouse as the API reads it, built in the service's transaction. */
@Schema(name = "Warehouse")
public record WarehouseView(long id, long locationId, String code, String name, boolean defaultWarehouse,
                            boolean active, long version) {
    public static WarehouseView of(Warehouse w) {
        return new WarehouseView(w.getId(), w.getLocationId(), w.getCode(), w.getName(), w.isDefaultWarehouse(),
                w.isActive(), w.getVersion());
    }
}
