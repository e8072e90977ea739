/**
 * The numbered internal sale receipt of countries without an integrated tax authority (Chile, Mexico until
 * CFDI): its content and totals.
 */
package io.cuadra.billing.domain.receipt;
