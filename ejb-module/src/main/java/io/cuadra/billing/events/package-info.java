/**
 * What the billing component tells the others, as CDI events. {@link
 * io.cuadra.billing.events.BillingDocumentFinal} is fired in the transaction that makes a document final.
 */
package io.cuadra.billing.events;
