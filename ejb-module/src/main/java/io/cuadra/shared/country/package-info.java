/**
 * Country packs (PE, FR, CL, MX) as data: taxes, identity documents, fiscal regime, currency, formats and
 * denominations.
 */
package io.cuadra.shared.country;
