/**
 * How reports meet the database and files: the aggregate tables with the recomputation that defines them, and the
 * CSV, XLSX (POI) and PDF (OpenPDF) writers.
 */
package io.cuadra.reports.infrastructure;
