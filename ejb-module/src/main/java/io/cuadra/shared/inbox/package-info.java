/**
 * The inbox side of the edges: messages outside systems push to us, remembered by the sender's id so that each is
 * handled once. {@link io.cuadra.shared.inbox.Inbox} stores a webhook in the transaction that answers it and hands
 * it to its handler after commit through the outbox worker (Shopify); {@link
 * io.cuadra.shared.inbox.ReceivedMessages} only remembers that a message id was seen, for protocols that answer
 * in the same exchange (HL7 results over MLLP). Two tables today (inbox_messages, received_messages): one
 * concept, to be folded into one store.
 */
package io.cuadra.shared.inbox;
