package io.cuadra.shared.tenancy;

/**
 * Who is acting, on behalf of which tenant, from where. Set by the boundary (HTTP filter, batch job,
 * startup loader) for the duration of one call; read by tenant scoping, audit and permission checks.
 */
public record Actor(long tenantId, Long userId, String name, String ip, String userAgent) {

    /** A process acting for a tenant without a human behind it (demo loader, scheduled jobs). */
    public static Actor system(long tenantId, String process) {
        return new Actor(tenantId, null, "system:" + process, null, null);
    }
}
