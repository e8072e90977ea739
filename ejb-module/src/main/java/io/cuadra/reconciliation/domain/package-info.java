/**
 * Closures, cash counts and variances, discrepancies, bank statements, transactions and matches, and bank file
 * layouts.
 */
package io.cuadra.reconciliation.domain;
