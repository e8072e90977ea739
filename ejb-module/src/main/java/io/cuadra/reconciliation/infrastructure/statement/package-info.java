/**
 * Bank statement files by bank layout.
 */
package io.cuadra.reconciliation.infrastructure.statement;
