/**
 * The seam for Mexican CFDI 4.0 stamping through a PAC (authorised certification provider); not connected to a
 * provider yet.
 */
package io.cuadra.billing.infrastructure.cfdi;
