/**
 * What the billing component tells the others, as synchronous CDI events fired inside its own
 * transaction. Billing calls no other component to ask whether it may issue: reconciliation listens here
 * (closed days), so the dependency runs from reconciliation to billing, never back.
 */
package io.cuadra.billing.events;
