package io.cuadra.billing.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A billing document became final for its customer: accepted by SUNAT (with or without observations), or
 * issued where no authority must accept it first (French factures). Fired inside the transaction that
 * records it, so an observer writing in that transaction (notifications) commits or rolls back with it.
 *
 * @param kind        the {@code BillingDocumentKind} name (FACTURA, BOLETA, FACTURE, credit notes...)
 * @param creditNote  whether it corrects another document
 * @param status      the document's status name (ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, ISSUED...)
 */
public record BillingDocumentFinal(long tenantId, long documentId, String kind, boolean creditNote,
                                   String displayNumber, long locationId, Long orderId, Long customerId,
                                   String customerName, String status, BigDecimal total, String currency,
                                   LocalDate issueDate) {
}
