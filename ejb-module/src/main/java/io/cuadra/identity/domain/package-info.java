/**
 * Tenants, companies, locations, users, roles and grants (module × action), the password policy, and the audit
 * trail's entries and chain.
 */
package io.cuadra.identity.domain;
