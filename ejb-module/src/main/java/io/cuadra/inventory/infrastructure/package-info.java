/**
 * SQL helpers of inventory (multi-row statements for large counts).
 */
package io.cuadra.inventory.infrastructure;
