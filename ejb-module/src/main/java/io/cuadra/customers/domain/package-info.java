/**
 * Customers: their identity document (validated by {@code io.cuadra.shared.identitydocuments}), phone numbers and
 * contact channels.
 */
package io.cuadra.customers.domain;
