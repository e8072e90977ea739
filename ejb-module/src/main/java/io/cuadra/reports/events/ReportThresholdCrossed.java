package io.cuadra.reports.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fired synchronously, inside the transaction that claims the raise, when a location's figure crossed a tenant's
 * threshold on a business day (once per rule and day). The notifications component turns it into in-app alerts
 * for the location's supervisors.
 *
 * @param kind   SALES_BELOW (net sales of the day so far under the threshold) or DISCREPANCIES_ABOVE (open
 *               discrepancies of the location above it)
 * @param figure the figure that crossed: money for sales, a count for discrepancies
 */
public record ReportThresholdCrossed(long tenantId, long ruleId, long locationId, String locationCode,
                                     LocalDate businessDay, String kind, BigDecimal threshold, BigDecimal figure) {
}
