/**
 * What the inventory component tells the others, as synchronous CDI events fired inside its own transaction
 * (an observer writing there — notifications — commits or rolls back with the stock move).
 */
package io.cuadra.inventory.events;
