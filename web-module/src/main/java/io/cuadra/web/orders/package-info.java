/**
 * The orders' boundary: REST resources for orders, payments, returns and their settings, and the back office's
 * counter (a point of sale with its draft, inline customer and receipt) and order pages.
 */
package io.cuadra.web.orders;
