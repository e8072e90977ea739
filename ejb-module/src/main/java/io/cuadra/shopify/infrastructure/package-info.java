/**
 * Shopify's formats and its Admin GraphQL API client (paged queries paced by the cost budget).
 */
package io.cuadra.shopify.infrastructure;
