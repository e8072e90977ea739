/**
 * The platform operator's boundary: REST and back-office pages to open, list, suspend and reactivate tenants,
 * and the operator's sign-in.
 */
package io.cuadra.web.tenants;
