package io.cuadra.reconciliation.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A closure computation found a discrepancy that was not open before (new, or found again after it
 * had cleared). Fired inside the computing transaction and delivered to observers only after it
 * commits ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}): a rolled-back or failed chunk
 * announces nothing. Alerts to supervisors (notifications) will observe it.
 *
 * @param type MISSING_INVOICE, MISSING_ORDER, AMOUNT_MISMATCH or PAYMENT_MISMATCH
 */
public record ReconciliationDiscrepancyFound(long tenantId, long closureId, long locationId, String locationCode,
                                             LocalDate businessDate, long discrepancyId, String type,
                                             Long orderId, String orderNumber, BigDecimal expected, BigDecimal actual,
                                             String description) {
}
