/**
 * The reconciliation component's services: the daily closure of each location's business day (cash counts,
 * discrepancies, closed days that lock money and documents), bank statements and their matching to payments,
 * and the jobs that run them.
 */
package io.cuadra.reconciliation.application;
