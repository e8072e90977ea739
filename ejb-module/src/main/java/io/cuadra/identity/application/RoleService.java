package io.cuadra.identity.application;

import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.User;
import io.cuadra.audit.application.AuditTrail;
import io.cuadra.shared.domain.Conflict;
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
import java.util.Locale;
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

    /** By name: roles are shown by their names everywhere. */
    public List<Role> list() {
        return em.createQuery("select r from Role r order by lower(r.name), r.id", Role.class).getResultList();
    }

    /** A new role; its name must not be another role's (people tell roles apart by name). */
    public Role create(String name, boolean allLocations, Set<Permission> permissions) {
        return persistNew(Role.custom(name, allLocations, permissions));
    }

    /** A copy of another role's matrix and span under a new name (typically of a default role). */
    public Role cloneRole(long sourceId, String name) {
        return persistNew(find(sourceId).cloneAs(name));
    }

    /** Deletes a role nobody holds; while users hold it the answer says how many, and nothing changes. */
    public void delete(long id, long expectedVersion) {
        Role role = find(id);
        Versions.expect(expectedVersion, role.getVersion(), "Role " + role.getName());
        long holders = em.createQuery("select count(u) from User u join u.roles r where r.id = :role", Long.class)
                .setParameter("role", id).getSingleResult();
        if (holders > 0) {
            throw new Conflict("The role \"" + role.getName() + "\" is held by " + holders
                    + " user(s): give them another role first.").withKey("identity.roleHeldUser", role.getName(), holders);
        }
        em.remove(role); // audited as role.deleted by the entity listener, like every row
        em.flush();
        cache.invalidate(role.getTenantId());
    }

    private Role persistNew(Role role) {
        refuseTakenName(role.getName(), null);
        String base = role.getCode();
        String code = base;
        for (int n = 2; codeTaken(code); n++) {
            code = base + "_" + n;
        }
        Role stored = code.equals(base) ? role : role.recoded(code);
        em.persist(stored); // audited as role.created by the entity listener, like every row
        em.flush();
        // The tenant column is written by the tenancy listener; the new entity does not carry it back.
        cache.invalidate(TenantContext.require().tenantId());
        return stored;
    }

    private boolean codeTaken(String code) {
        return !em.createQuery("select r.id from Role r where r.code = :c", Long.class).setParameter("c", code)
                .getResultList().isEmpty();
    }

    private void refuseTakenName(String name, Long self) {
        em.createQuery("select r from Role r where lower(r.name) = :n", Role.class)
                .setParameter("n", name.strip().toLowerCase(Locale.ROOT)).getResultStream()
                .filter(r -> !r.getId().equals(self)).findFirst().ifPresent(r -> {
                    throw new Conflict("A role is already named \"" + r.getName() + "\".").withKey("identity.roleAlreadyNamed", r.getName());
                });
    }

    public Role find(long id) {
        Role role = em.find(Role.class, id);
        if (role == null) {
            throw new NotFound("No role " + id + ".").withKey("identity.role", id);
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
        refuseTakenName(name == null ? "" : name, role.getId());
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
