/**
 * The bank side: statement files read through each bank's profile into transactions (with the rows
 * refused and why), and the matching of bank credits to open payments (scores, proposals, subsets).
 */
package io.cuadra.reconciliation.domain.bank;
