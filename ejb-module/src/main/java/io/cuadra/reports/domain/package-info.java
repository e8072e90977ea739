/**
 * The reports component's rules and values: a report as a table (columns, rows, totals), its filter and refusals,
 * the comparison with an earlier period, threshold alert rules, and the pseudonyms of the anonymised export.
 */
package io.cuadra.reports.domain;
