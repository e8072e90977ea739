/**
 * The tenant's own settings pages: payment methods, card fees, warehouses, operations (order and inventory
 * settings), billing profile and bank profiles.
 */
package io.cuadra.web.settings;
