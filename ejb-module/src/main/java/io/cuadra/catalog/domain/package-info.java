/**
 * What a tenant sells: items (products, services, bundles of components), categories, prices over time and tax
 * rates.
 */
package io.cuadra.catalog.domain;
