/**
 * Suppliers, purchase orders and their lines, goods receipts.
 */
package io.cuadra.purchasing.domain;
