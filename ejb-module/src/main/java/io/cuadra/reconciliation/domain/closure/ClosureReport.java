package io.cuadra.reconciliation.domain.closure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything a printed or exported closure report shows, read in one transaction. */
public record ClosureReport(String companyName, String companyTaxId, String locationCode, String locationName,
                            LocalDate businessDate, String zone, String currency, ClosureStatus status,
                            Instant computedAt, int orderCount, int cancelledOrderCount, int invoiceCount,
                            int creditNoteCount, BigDecimal invoicedTotal, BigDecimal creditedTotal,
                            BigDecimal registeredTotal, BigDecimal expectedTotal, BigDecimal expectedCash,
                            BigDecimal countedCash, BigDecimal cashDifference, String countedBy, Instant countedAt,
                            List<Method> methods, List<CountLine> count, List<Finding> discrepancies,
                            List<Transition> history, String notes) {

    public ClosureReport {
        methods = List.copyOf(methods);
        count = List.copyOf(count);
        discrepancies = List.copyOf(discrepancies);
        history = List.copyOf(history);
    }

    public record Method(String kind, String code, BigDecimal expected, int payments) {
    }

    public record CountLine(String form, BigDecimal faceValue, int pieces, BigDecimal subtotal) {
    }

    public record Finding(String type, String status, String orderNumber, String documents, BigDecimal expected,
                          BigDecimal actual, BigDecimal difference, String description, String resolution) {
    }

    public record Transition(String from, String to, String actor, Instant at, String note) {
    }
}
