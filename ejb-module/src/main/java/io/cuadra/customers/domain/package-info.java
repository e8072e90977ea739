/**
 * Customers and their identity documents: document types per country with their check rules (DNI, RUC, RUT,
 * RFC, CURP, SIREN/SIRET, VAT), phone numbers and contact channels.
 */
package io.cuadra.customers.domain;
