/**
 * The cash in the drawer: each currency's notes and coins ({@code DenominationCatalog}), the count by
 * denomination ({@code CashCount}) and its difference from the cash the day's payments expect.
 */
package io.cuadra.reconciliation.domain.cash;
