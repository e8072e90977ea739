/**
 * The inbox: messages outside systems push to us (webhooks), stored once by the sender's id in the
 * transaction that answers them and handled after commit through the outbox worker.
 */
package io.cuadra.shared.inbox;
