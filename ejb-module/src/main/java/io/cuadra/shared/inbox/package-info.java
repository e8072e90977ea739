/**
 * The inbox side of the edges: messages received from outside systems remembered by the sender's id, so each is
 * handled once.
 */
package io.cuadra.shared.inbox;
