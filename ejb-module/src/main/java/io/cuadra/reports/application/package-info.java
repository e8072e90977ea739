/**
 * The reports component's services: the aggregates kept in the transaction of each sale, payment, cancellation
 * and return (from the orders component's events), their agreement check and rebuild, the reports, drill-down,
 * exports, the home page's figures, threshold alerts and the demo history.
 */
package io.cuadra.reports.application;
