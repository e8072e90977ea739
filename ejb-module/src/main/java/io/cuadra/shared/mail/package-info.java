/**
 * Outgoing e-mail through the server's Jakarta Mail session, queued in the outbox and sent after commit.
 */
package io.cuadra.shared.mail;
