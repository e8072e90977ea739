/**
 * Reading tabular files (CSV and XLSX) row by row for batch readers: named columns, typed cells, and a
 * rejected row with its reason instead of an exception that would stop the job.
 */
package io.cuadra.batch.tabular;
