/**
 * The purchasing component's services: suppliers, purchase orders and their numbering, and goods receipts.
 */
package io.cuadra.purchasing.application;
