/**
 * SUNAT's SOAP web services (billService: sendBill, sendSummary, getStatus) with SOL credentials, the CDR
 * (constancia de recepción) reader, and the classification of SUNAT's answers into accepted, rejected and
 * retry later.
 */
package io.cuadra.billing.infrastructure.sunat;
