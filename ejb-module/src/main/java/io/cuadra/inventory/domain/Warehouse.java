package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.regex.Pattern;

/**
 * A place where stock is kept, inside one location. Every location has a default warehouse (opened
 * by the database when the location is created); sales take their goods from it.
 */
@Entity
@Table(name = "warehouses")
public class Warehouse extends TenantEntity {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,19}");

    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "is_default", nullable = false, updatable = false)
    private boolean defaultWarehouse;
    @Column(nullable = false)
    private boolean active = true;

    protected Warehouse() {
    }

    /** An additional warehouse of a location (the default one is never created here). */
    public Warehouse(long locationId, String code, String name) {
        this.locationId = locationId;
        describe(code, name, true);
    }

    /** Codes are compared and stored trimmed and in capitals. */
    public static String normalizeCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public void describe(String code, String name, boolean active) {
        String c = normalizeCode(code);
        if (!CODE.matcher(c).matches()) {
            throw new RuleViolation("code: a warehouse code has 1 to 20 capital letters, digits, '-' or '_'; got \""
                    + code + "\".").withKey("inventory.warehouseCodeCapital", code);
        }
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name: a warehouse needs a name.").withKey("inventory.warehouseNeedsName");
        }
        if (!active && defaultWarehouse) {
            throw new RuleViolation("active: the default warehouse of a location cannot be closed; sales take "
                    + "their goods from it.").withKey("inventory.defaultWarehouseLocation");
        }
        this.code = c;
        this.name = name.strip();
        this.active = active;
    }

    /** Stock may be moved into or out of it. */
    public void requireActive() {
        if (!active) {
            throw new RuleViolation("Warehouse " + code + " is closed.").withKey("inventory.warehouseClosed", code);
        }
    }

    public long getLocationId() {
        return locationId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isDefaultWarehouse() {
        return defaultWarehouse;
    }

    public boolean isActive() {
        return active;
    }
}
