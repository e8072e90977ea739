package io.cuadra.shared.tenancy;

/**
 * The row that is a tenant itself (not a row belonging to one): what audit needs to know of it without
 * depending on the identity component that owns it.
 */
public interface TenantRoot {

    /** The tenant's id, which is also the tenant its own audit events belong to. */
    Long getId();
}
