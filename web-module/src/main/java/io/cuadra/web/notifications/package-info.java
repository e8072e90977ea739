/**
 * Notifications' boundary: the history and resending over REST and in the back office, and the in-app alerts
 * bell.
 */
package io.cuadra.web.notifications;
