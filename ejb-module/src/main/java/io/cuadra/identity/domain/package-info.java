/**
 * Tenants, companies, locations, users, roles and grants (module × action) and the password policy.
 */
package io.cuadra.identity.domain;
