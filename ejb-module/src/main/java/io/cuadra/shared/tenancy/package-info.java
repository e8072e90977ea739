/**
 * Every row belongs to a tenant: the current tenant of a call and the interceptor and entity base that enforce
 * it.
 */
package io.cuadra.shared.tenancy;
