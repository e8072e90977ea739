/**
 * Pricing an order: lines, discounts and their approval level, taxes per rate and proration, rounded
 * explicitly to the currency's digits.
 */
package io.cuadra.orders.domain.pricing;
