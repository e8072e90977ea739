/**
 * The Jakarta Batch artifacts of reconciliation: the partitioned end-of-day closure, statement imports and
 * bank matching.
 */
package io.cuadra.reconciliation.infrastructure.batch;
