/**
 * The billing component's services at the transaction: issuing the fiscal document a paid sale produces
 * through the tenant's fiscal regime ({@code FiscalRegimePolicy}: SUNAT, French, internal receipt), gap-free
 * series numbers, delivery to SUNAT through the outbox and its verdicts, printouts and queries. Works from the
 * order and customer snapshots those components publish.
 */
package io.cuadra.billing.application;
