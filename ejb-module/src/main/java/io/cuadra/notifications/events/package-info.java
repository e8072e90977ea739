/**
 * Events other components fire so that notifications reach people, for what has no business event of its own
 * yet (laboratory results). Observed inside the firing transaction.
 */
package io.cuadra.notifications.events;
