/**
 * The Shopify boundaries: the public webhook receiver, the REST API of the connection and its back-office page.
 */
package io.cuadra.web.shopify;
