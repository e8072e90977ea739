/**
 * The customers' boundary: REST resources and JSF backing beans for customers and identity document checks.
 */
package io.cuadra.web.customers;
