package io.cuadra.platform.application;

/** The outcome of an opening: the tenant, and whether it was opened by an earlier request with the same key. */
public record OpenedTenant(TenantView tenant, boolean replayed) {
}
