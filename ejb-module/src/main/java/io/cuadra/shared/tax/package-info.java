/**
 * The tax treatment of a line (rate and kind: taxed, exempt, unaffected), shared by the catalog that assigns it and
 * the orders' pricing that applies it.
 */
package io.cuadra.shared.tax;
