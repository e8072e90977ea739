package io.cuadra.identity.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A named set of permissions (one row of the matrix admins edit) and whether it spans all locations. */
@Entity
@Table(name = "roles")
public class Role extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "all_locations", nullable = false)
    private boolean allLocations;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    private Set<Grant> grants = new HashSet<>();

    protected Role() {
    }

    public Role(String code, String name, boolean allLocations, Collection<Permission> permissions) {
        this.code = code;
        this.name = name;
        this.allLocations = allLocations;
        grant(permissions);
    }

    public Set<Permission> permissions() {
        return grants.stream().map(Grant::permission).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(Permission permission) {
        return grants.contains(new Grant(permission));
    }

    /** Replaces the role's row of the matrix. */
    public void grant(Collection<Permission> permissions) {
        grants.clear();
        permissions.forEach(p -> grants.add(new Grant(p)));
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void spanAllLocations(boolean all) {
        this.allLocations = all;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isAllLocations() {
        return allLocations;
    }
}
