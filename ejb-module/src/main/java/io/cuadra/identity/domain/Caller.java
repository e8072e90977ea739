package io.cuadra.identity.domain;

import java.util.Set;

/**
 * The signed-in user of the current request as the server checks it: tenant, roles, effective
 * permissions and the locations they may act in.
 */
public record Caller(long userId, long tenantId, String email, Set<String> roles, Set<Permission> permissions,
                     boolean allLocations, Set<Long> locationIds) {

    /**
     * A process acting for a tenant with every permission at every location (demo loader, channel adapters
     * turning a shop's orders into Cuadra orders): what it may do was decided when the tenant connected it.
     */
    public static Caller system(long tenantId, String process) {
        Set<Permission> all = new java.util.HashSet<>();
        for (Module m : Module.values()) {
            for (Action a : Action.values()) {
                all.add(Permission.of(m, a));
            }
        }
        return new Caller(0L, tenantId, "system:" + process, Set.of(), all, true, Set.of());
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean can(Module module, Action action) {
        return can(Permission.of(module, action));
    }

    /** Supervisors, cashiers and warehouse staff act only where assigned; admins and accountants everywhere. */
    public boolean worksAt(long locationId) {
        return allLocations || locationIds.contains(locationId);
    }
}
