/**
 * Shopify as Cuadra understands it: the shop connection, an order and a customer in either of Shopify's
 * shapes, the webhook signature (HMAC-SHA256) and the cost-based rate limit of the Admin GraphQL API.
 */
package io.cuadra.shopify.domain;
