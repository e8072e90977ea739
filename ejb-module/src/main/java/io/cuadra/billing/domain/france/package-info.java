/**
 * The French invoice (facture) and credit note (avoir): mandatory mentions, continuous numbering, VAT
 * breakdown per rate, seller and buyer identifiers (SIREN/SIRET, VAT number).
 */
package io.cuadra.billing.domain.france;
