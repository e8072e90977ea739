/**
 * What the inventory component tells the others, as synchronous CDI events fired inside its own transaction
 * (an observer writing there commits or rolls back with the stock move): the cost of the goods an order took or
 * gave back (reports compute margin without reading the stock ledger), stock falling below its critical level.
 */
package io.cuadra.inventory.events;
