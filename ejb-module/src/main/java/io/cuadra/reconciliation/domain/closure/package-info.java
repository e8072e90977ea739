/**
 * The closure of a location's business day: the day's figures tallied from its orders, payments and
 * documents ({@code ClosureTally}), the discrepancies found, and the {@code Closure} entity with its
 * transitions OPEN → CLOSED → REOPENED → CLOSED that lock and unlock the day's money and documents.
 */
package io.cuadra.reconciliation.domain.closure;
