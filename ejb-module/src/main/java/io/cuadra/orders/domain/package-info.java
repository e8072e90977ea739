/**
 * Orders and their rules: lines, discounts, payments in instalments, refunds and returns, status changes with
 * their reasons, payment methods and card fees, sales channels.
 */
package io.cuadra.orders.domain;
