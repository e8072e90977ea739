/**
 * The channels' adapters: e-mail through the server's mail session, WhatsApp Business Cloud API, a Twilio-
 * style SMS API, and the clients that reach them.
 */
package io.cuadra.notifications.infrastructure;
