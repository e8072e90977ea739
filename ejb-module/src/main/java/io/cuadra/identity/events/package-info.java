/**
 * What the identity component tells the others, as synchronous CDI events fired inside its own transaction: an
 * observer writing there (notifications) commits or rolls back with the change.
 */
package io.cuadra.identity.events;
