package io.cuadra.identity.application;

import io.cuadra.identity.domain.Permission;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Each tenant's role matrix (role code to permissions), kept until a role changes. */
@ApplicationScoped
public class PermissionCache {

    private final Map<Long, Map<String, Set<Permission>>> byTenant = new ConcurrentHashMap<>();

    Map<String, Set<Permission>> matrix(long tenantId, Supplier<Map<String, Set<Permission>>> load) {
        return byTenant.computeIfAbsent(tenantId, t -> Map.copyOf(load.get()));
    }

    public void invalidate(long tenantId) {
        byTenant.remove(tenantId);
    }
}
