/**
 * Inventory's boundary: REST resources and JSF backing beans for stock, lots, moves, transfers, wastage,
 * counts, warehouses and stock alerts.
 */
package io.cuadra.web.inventory;
