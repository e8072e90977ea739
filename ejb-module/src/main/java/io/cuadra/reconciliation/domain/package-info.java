/**
 * Reconciliation's domain, in three rooms: {@code closure} (the business day's figures, discrepancies and
 * its closing), {@code cash} (denominations and drawer counts) and {@code bank} (statements and matching).
 * What all three use stays here: payment kinds, the component's settings, its rule exception and job runs.
 */
package io.cuadra.reconciliation.domain;
