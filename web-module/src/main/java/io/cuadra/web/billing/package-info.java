/**
 * Billing's boundary: REST resources and JSF backing beans for documents, credit notes, the billing profile
 * and downloads (XML, PDF, CDR).
 */
package io.cuadra.web.billing;
