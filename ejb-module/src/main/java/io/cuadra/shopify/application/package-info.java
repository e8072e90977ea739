/**
 * The Shopify adapter's use cases: receiving webhooks into the inbox, applying an order through the orders and
 * customers services, the review list, the scheduled pull and the first import.
 */
package io.cuadra.shopify.application;
