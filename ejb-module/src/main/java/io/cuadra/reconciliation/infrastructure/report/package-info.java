/**
 * The closure report as PDF, XLSX and text.
 */
package io.cuadra.reconciliation.infrastructure.report;
