package io.cuadra.identity.application;

/**
 * Fired in the transaction that changed what a tenant's sessions may do without ending them (maintenance begun
 * or ended); seen after commit by {@link SessionValidity}, which forgets what it cached of every user at once.
 */
public record TenantStateChanged(long tenantId) {
}
