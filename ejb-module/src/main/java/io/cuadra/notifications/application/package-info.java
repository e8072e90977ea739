/**
 * The notifications component's services: business events turned into messages written to the outbox in the
 * same transaction, delivered after commit through a channel, with consent, templates, provider settings and
 * the history of every message.
 */
package io.cuadra.notifications.application;
