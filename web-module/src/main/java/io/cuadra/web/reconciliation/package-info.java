/**
 * Reconciliation's boundary: closures, discrepancies, bank statements and matching, and the jobs page.
 */
package io.cuadra.web.reconciliation;
