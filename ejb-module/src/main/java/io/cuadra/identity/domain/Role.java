package io.cuadra.identity.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A named set of permissions (one row of the matrix admins edit) and whether it spans all locations. */
@Entity
@Table(name = "roles")
public class Role extends TenantEntity implements java.io.Serializable {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "all_locations", nullable = false)
    private boolean allLocations;

    /** The template set the role came from (LAB, CLINIC, DISTRIBUTOR); null for defaults and custom roles. */
    @Column(updatable = false)
    private String template;

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

    /** A role an administrator makes, its code derived from the name (codes never show; names do). */
    public static Role custom(String name, boolean allLocations, Collection<Permission> permissions) {
        return new Role(codeFor(name), checkedName(name), allLocations, permissions);
    }

    /** A new role with this one's matrix and span under another name: "clone from a default". */
    public Role cloneAs(String newName) {
        return custom(newName, allLocations, permissions());
    }

    /** The same role under another code, when the derived one is taken. */
    public Role recoded(String newCode) {
        Role role = new Role(newCode, name, allLocations, permissions());
        role.template = template;
        return role;
    }

    Role fromTemplate(String templateSet) {
        this.template = templateSet;
        return this;
    }

    /** CUSTOM_ + the name's letters and digits, upper case without accents: readable in logs and tokens. */
    public static String codeFor(String name) {
        String plain = Normalizer.normalize(checkedName(name), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        String code = "CUSTOM_" + plain;
        return code.length() > 26 ? code.substring(0, 26) : code;
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name: a role needs a name.").withKey("identity.roleNeedsName");
        }
        String n = name.strip();
        if (n.length() > 80) {
            throw new RuleViolation("name: at most 80 characters.").withKey("identity.mostCharacters");
        }
        return n;
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
        this.name = checkedName(newName);
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

    public String getTemplate() {
        return template;
    }

    public boolean isAllLocations() {
        return allLocations;
    }
}
