package io.cuadra.web.settings;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.WarehouseService;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Settings page for the warehouses of each location (the REST side: /api/inventory/warehouses). */
@Named
@ViewScoped
public class WarehousesBacking extends SettingsEditor {

    private static final long serialVersionUID = 1L;

    @EJB
    WarehouseService warehouses;
    @EJB
    LocationService locations;

    private List<Row> rows;
    private Map<Long, String> locationNames;
    private Long locationId;
    private boolean active = true;

    @Override
    protected void reload() {
        locationNames = locations.listVisible().stream()
                .collect(Collectors.toMap(Location::getId, Location::getName, (a, b) -> a, java.util.LinkedHashMap::new));
        rows = warehouses.list(null).stream().map(w -> new Row(w.getId(), locationNames.getOrDefault(w.getLocationId(),
                ""), w.getCode(), w.getName(), w.isDefaultWarehouse(), w.isActive())).toList();
    }

    @Override
    public void startNew() {
        id = null;
        locationId = null;
        code = name = null;
        active = true;
    }

    public void edit(long warehouseId) {
        Warehouse w = warehouses.find(warehouseId);
        id = w.getId();
        version = w.getVersion();
        locationId = w.getLocationId();
        code = w.getCode();
        name = w.getName();
        active = w.isActive();
    }

    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    public void save() {
        boolean done = id == null
                ? FacesActions.succeeded(() -> warehouses.create(locationId == null ? 0 : locationId, code, name))
                : FacesActions.succeeded(() -> warehouses.update(id, version, code, name, active));
        saved(done);
    }

    /** A warehouse as the page lists it: its location by name. */
    public record Row(long id, String location, String code, String name, boolean defaultWarehouse, boolean active)
            implements Serializable {
    }

    public List<Row> getRows() {
        return rows;
    }

    public Map<Long, String> getLocationNames() {
        return locationNames;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }



    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
