/**
 * Where reconciliation reads a location's business day and the payments bank matching sees: plain SQL over the
 * orders and billing tables, a page at a time, each statement naming the tenant.
 */
package io.cuadra.reconciliation.infrastructure;
