/**
 * The catalog component's services: items and their prices (a price change keeps its reason and history),
 * categories, and the tax rates of each country; demo data.
 */
package io.cuadra.catalog.application;
