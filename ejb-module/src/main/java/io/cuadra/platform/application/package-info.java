/**
 * The platform operator's services, outside every tenant: signing in, opening a tenant from a country pack
 * (first administrator invited by e-mail), suspending and reactivating it, and the tenant directory. The
 * operator reads no tenant's business data.
 */
package io.cuadra.platform.application;
