/**
 * Local stand-ins for the WhatsApp Business Cloud API and a Twilio-style SMS API, speaking their HTTP
 * contracts (with errors and rate limits on request) and showing what they received.
 */
package io.cuadra.messaging.simulator;
