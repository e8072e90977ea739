/**
 * What the inventory component publishes for others to keep figures from: the cost of the goods an order took
 * or gave back, so reports compute margin without reading the stock ledger.
 */
package io.cuadra.inventory.events;
