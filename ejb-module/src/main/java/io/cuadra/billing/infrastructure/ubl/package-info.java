/**
 * Writing an {@link io.cuadra.billing.domain.ElectronicDocument} as UBL 2.1 XML the way SUNAT's rules expect
 * it: parties, lines, taxes.
 */
package io.cuadra.billing.infrastructure.ubl;
