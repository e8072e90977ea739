/**
 * Persistence plumbing every component uses: Flyway migrations at start, retry on contention, instants, SQL
 * failure classification and the few cross-tenant statements.
 */
package io.cuadra.shared.infrastructure;
