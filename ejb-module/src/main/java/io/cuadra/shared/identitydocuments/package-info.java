/**
 * Identity documents of people and companies (DNI, RUC, CE, passport, RUT, RFC, CURP, SIREN/SIRET, VAT numbers) and
 * their validation: one concept shared by customers, identity, billing and purchasing.
 */
package io.cuadra.shared.identitydocuments;
