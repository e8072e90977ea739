/**
 * Notification rules: channels, consent and opt-out, languages, templates and their rendering, statuses and
 * the provider's verdict.
 */
package io.cuadra.notifications.domain;
