/**
 * Billing's model and rules: documents, their lines and totals, series counters, credit notes and their
 * allowance, the billing profile, and the Peruvian electronic document ({@code ElectronicDocument}) that
 * refuses inconsistent figures.
 */
package io.cuadra.billing.domain;
