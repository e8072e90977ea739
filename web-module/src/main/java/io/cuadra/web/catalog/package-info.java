/**
 * The catalog's boundary: REST resources and JSF backing beans for items, prices, categories and tax rates.
 */
package io.cuadra.web.catalog;
