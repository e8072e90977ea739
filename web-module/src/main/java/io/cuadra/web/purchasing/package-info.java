/**
 * Purchasing's boundary: suppliers, purchase orders and receiving over REST and in the back office.
 */
package io.cuadra.web.purchasing;
