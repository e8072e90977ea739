/**
 * What the orders component tells the others, as synchronous CDI events fired inside its own
 * transaction ({@code Event<T>.fire}, observed with {@code @Observes}): an observer that throws rolls
 * the whole change back. Observers must not start their own transactions. Work that must happen only
 * after commit (sending to SUNAT, notifications) goes through the outbox, never from these observers.
 */
package io.cuadra.orders.events;
