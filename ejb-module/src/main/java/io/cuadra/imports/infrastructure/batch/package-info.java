/**
 * The Jakarta Batch chunk artifacts of imports: a sheet row reader, processors that validate a row into a
 * draft, writers that create through the owning component's service, and listeners that record rejected rows.
 */
package io.cuadra.imports.infrastructure.batch;
