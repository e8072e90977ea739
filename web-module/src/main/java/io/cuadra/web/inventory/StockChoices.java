package io.cuadra.web.inventory;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.inventory.domain.WastageReason;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The choices the stock and purchasing pages offer: the caller's locations and warehouses, reasons, items. */
@Named
@RequestScoped
public class StockChoices {

    @EJB
    LocationService locations;

    @EJB
    WarehouseService warehouses;

    @EJB
    ItemService items;

    private List<Location> visibleLocations;
    private Map<Long, String> warehouseNames;
    private Map<Long, Long> warehouseLocations;

    public List<Location> getLocations() {
        if (visibleLocations == null) {
            visibleLocations = locations.listVisible();
        }
        return visibleLocations;
    }

    /** Warehouses of the caller's locations, labelled "LIM01 · PRINCIPAL — Almacén principal". */
    public List<SelectItem> getWarehouses() {
        return labelled(warehouses.list(null));
    }

    /** Any active warehouse of the tenant: where a transfer may go. */
    public List<SelectItem> getDestinations() {
        return labelled(warehouses.destinations());
    }

    /** The location a warehouse belongs to: a stock move's instant is shown in that location's zone. */
    public Long locationOf(Long warehouseId) {
        if (warehouseId == null) {
            return null;
        }
        if (warehouseLocations == null) {
            warehouseLocations = new java.util.HashMap<>();
        }
        return warehouseLocations.computeIfAbsent(warehouseId, id -> {
            try {
                return warehouses.find(id).getLocationId();
            } catch (io.cuadra.shared.domain.NotFound e) {
                return null; // a warehouse of a location the user does not work at: their own clock
            }
        });
    }

    /** A warehouse by its words ("LIM01 · PRINCIPAL — Almacén principal") rather than its id. */
    public String warehouseName(Long id) {
        if (id == null) {
            return "";
        }
        if (warehouseNames == null) {
            warehouseNames = labelled(warehouses.destinations()).stream()
                    .collect(Collectors.toMap(i -> (Long) i.getValue(), SelectItem::getLabel, (a, b) -> a));
            getWarehouses().forEach(i -> warehouseNames.putIfAbsent((Long) i.getValue(), i.getLabel()));
        }
        return warehouseNames.getOrDefault(id, "#" + id);
    }

    public List<WastageReason> getWastageReasons() {
        return List.of(WastageReason.values());
    }

    /** The item a code (SKU) names, or null with a message on the form. */
    public Item item(String code) {
        if (code == null || code.isBlank()) {
            FacesActions.error(Texts.get("stock.itemRequired"));
            return null;
        }
        return FacesActions.attempt(() -> items.byCode(code.strip()));
    }

    private List<SelectItem> labelled(List<Warehouse> list) {
        Map<Long, String> codes = warehouses.locationCodes();
        Map<Long, Warehouse> byId = list.stream().collect(Collectors.toMap(Warehouse::getId, Function.identity()));
        return byId.values().stream().sorted(java.util.Comparator.comparing(Warehouse::getLocationId)
                        .thenComparing(w -> !w.isDefaultWarehouse()).thenComparing(Warehouse::getCode))
                .map(w -> new SelectItem(w.getId(), codes.getOrDefault(w.getLocationId(), "#" + w.getLocationId())
                        + " · " + w.getCode() + " — " + w.getName())).toList();
    }
}
