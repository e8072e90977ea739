/**
 * The stock-count-confirmation job's batchlet: applies a confirmed count for the tenant and person who confirmed it.
 */
package io.cuadra.inventory.infrastructure.batch;
