/**
 * What the reconciliation component tells the others, as CDI events. {@link
 * io.cuadra.reconciliation.events.ReconciliationDiscrepancyFound} is fired in the transaction that
 * stores a closure's figures and meant to be observed after commit only.
 */
package io.cuadra.reconciliation.events;
