/**
 * The inbox side of the edges: messages outside systems push to us, remembered by the sender's id in one store
 * ({@code inbox_messages}) so that each is handled once. {@link io.cuadra.shared.inbox.Inbox#accept} stores a
 * webhook in the transaction that answers it and hands it to its handler after commit through the outbox worker
 * (Shopify); {@link io.cuadra.shared.inbox.Inbox#takeOnce} stores a message already handled, in the transaction
 * that handles it, for protocols that answer in the same exchange (HL7 results over MLLP, the LIS's REST callback).
 */
package io.cuadra.shared.inbox;
