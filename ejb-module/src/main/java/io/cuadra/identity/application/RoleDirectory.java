package io.cuadra.identity.application;

import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Effective permissions of a set of role codes, read through {@link PermissionCache} so a request
 * costs no query; editing the matrix invalidates the tenant's entry and takes effect at once.
 */
@Stateless
public class RoleDirectory {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PermissionCache cache;

    public Set<Permission> permissionsOf(long tenantId, Set<String> roleCodes) {
        Map<String, Set<Permission>> matrix = cache.matrix(tenantId, () -> em.createQuery(
                        "select r from Role r", Role.class).getResultStream()
                .collect(Collectors.toMap(Role::getCode, Role::permissions)));
        Set<Permission> effective = new HashSet<>();
        for (String code : roleCodes) {
            effective.addAll(matrix.getOrDefault(code, Set.of()));
        }
        return Set.copyOf(effective);
    }
}
