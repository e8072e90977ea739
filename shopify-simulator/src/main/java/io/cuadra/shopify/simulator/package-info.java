/**
 * A local stand-in for Shopify shops: the Admin GraphQL API (cursors, cost extension, THROTTLED answers) and
 * webhooks signed with a real HMAC, for the run command and the tests.
 */
package io.cuadra.shopify.simulator;
