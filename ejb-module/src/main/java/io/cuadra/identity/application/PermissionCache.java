package io.cuadra.identity.application;

import io.cuadra.identity.domain.Permission;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each tenant's role matrix (role code to permissions). Dropped at once on the server where a role
 * changes, and read again after {@link SessionValidity#FRESHNESS} anyway, so a change made on another
 * server bites here within that time too: the database is the truth, not this map.
 */
@ApplicationScoped
public class PermissionCache {

    private final Map<Long, Cached> byTenant = new ConcurrentHashMap<>();

    Map<String, Set<Permission>> matrix(long tenantId, Supplier<Map<String, Set<Permission>>> load) {
        long now = System.nanoTime();
        Cached cached = byTenant.get(tenantId);
        if (cached == null || now - cached.loadedAt() > SessionValidity.FRESHNESS.toNanos()) {
            cached = new Cached(Map.copyOf(load.get()), now);
            byTenant.put(tenantId, cached);
        }
        return cached.matrix();
    }

    public void invalidate(long tenantId) {
        byTenant.remove(tenantId);
    }

    private record Cached(Map<String, Set<Permission>> matrix, long loadedAt) {
    }
}
