package io.cuadra.identity.application;

import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.User;
import io.cuadra.identity.infrastructure.audit.AuditTrail;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The role matrix: admins read it and change a role's row. */
@Stateless
public class RoleService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PermissionCache cache;

    @Inject
    AuditTrail audit;

    @Inject
    AuthService auth;

    public List<Role> list() {
        return em.createQuery("select r from Role r order by r.code", Role.class).getResultList();
    }

    public Role find(long id) {
        Role role = em.find(Role.class, id);
        if (role == null) {
            throw new NotFound("No role " + id + ".");
        }
        return role;
    }

    /** Replaces the role's permissions; the change is a security event with both sets in the audit log. */
    public Role changePermissions(long id, long expectedVersion, String name, boolean allLocations,
                                  Set<Permission> permissions) {
        Role role = find(id);
        Versions.expect(expectedVersion, role.getVersion(), "Role " + role.getCode());
        Set<Permission> before = role.permissions();
        boolean spanChanged = role.isAllLocations() != allLocations;
        role.rename(name);
        role.spanAllLocations(allLocations);
        role.grant(permissions);
        em.flush();
        if (!before.equals(Set.copyOf(permissions))) {
            audit.security(TenantContext.require(), "role.permissions-changed", "Role", id,
                    Json.createObjectBuilder().add("before", names(before)).add("after", names(permissions))
                            .build().toString());
        }
        if (spanChanged) {
            // Tokens and sessions carry "all locations": its holders' sessions end. Permissions need no
            // such thing: they are read from the matrix on every request (PermissionCache).
            endSessionsOfHolders(id);
        }
        cache.invalidate(role.getTenantId());
        return role;
    }

    private void endSessionsOfHolders(long roleId) {
        List<User> holders = em.createQuery("select u from User u join u.roles r where r.id = :role", User.class)
                .setParameter("role", roleId).getResultList();
        holders.forEach(User::endSessions);
        auth.sessionsEndedFor(holders.stream().map(User::getId).collect(Collectors.toSet()));
    }

    private static JsonArrayBuilder names(Set<Permission> permissions) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        new TreeSet<>(permissions.stream().map(Permission::toString).toList()).forEach(array::add);
        return array;
    }
}
