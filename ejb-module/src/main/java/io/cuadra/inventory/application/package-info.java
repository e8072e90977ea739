/**
 * The inventory component's services: stock per warehouse and lot, what a sale takes (FIFO or FEFO by tenant
 * setting), transfers, wastage, counts and their confirmation by someone else, lots and their expiry, and
 * stock reports.
 */
package io.cuadra.inventory.application;
