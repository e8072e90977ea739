package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Lima location's day with one discrepancy of each type, plus clean orders around them. Shared by
 * the tally and closure tests so both reason about the same figures.
 */
final class SeededDay {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final ClosureScope SCOPE = ClosureScope.of("LIM-01", DAY, "PEN");

    private SeededDay() {
    }

    static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    static ClosureOrder order(long id, String total, PaymentStatus paymentStatus, ClosurePayment... payments) {
        return new ClosureOrder(id, String.format("A-%04d", id), "LIM-01", DAY, OrderStatus.COMPLETED, pen(total),
                paymentStatus, Arrays.asList(payments));
    }

    static ClosureOrder paid(long id, String total, ClosurePayment... payments) {
        return order(id, total, PaymentStatus.PAID, payments);
    }

    static ClosureDocument document(long id, SalesDocumentType type, String seriesNumber, Long orderId, String total) {
        return new ClosureDocument(id, type, seriesNumber, orderId, pen(total), DAY, "LIM-01");
    }

    static ClosurePayment cash(long id, String applied, String tendered, String change) {
        return ClosurePayment.cash(id, pen(applied), pen(tendered), pen(change));
    }

    static ClosurePayment card(long id, String amount, String reference) {
        return ClosurePayment.of(id, "VISA", PaymentKind.CARD, pen(amount), reference);
    }

    static ClosurePayment transfer(long id, String amount, String reference) {
        return ClosurePayment.of(id, "BCP-TRANSFER", PaymentKind.TRANSFER, pen(amount), reference);
    }

    static ClosurePayment yape(long id, String amount) {
        return ClosurePayment.of(id, "YAPE", PaymentKind.WALLET, pen(amount), null);
    }

    /** Orders 3, 4 and 5 and credit note 107 are wrong, one way each. */
    static List<ClosureInput> inputs() {
        List<ClosureInput> day = new ArrayList<>();
        // Clean: cash 100.00 tendered for 64.50, 35.50 back.
        day.add(paid(1, "64.50", cash(11, "64.50", "100.00", "35.50")));
        day.add(document(101, SalesDocumentType.RECEIPT, "B001-00000001", 1L, "64.50"));
        // Clean: card with voucher number.
        day.add(paid(2, "120.00", card(21, "120.00", "V-778899")));
        day.add(document(102, SalesDocumentType.INVOICE, "F001-00000010", 2L, "120.00"));
        // MISSING_INVOICE: paid by Yape, never invoiced.
        day.add(paid(3, "80.00", yape(31, "80.00")));
        // AMOUNT_MISMATCH: invoice is 10.00 short of the order.
        day.add(paid(4, "200.00", transfer(41, "200.00", "OP-123456")));
        day.add(document(104, SalesDocumentType.INVOICE, "F001-00000011", 4L, "190.00"));
        // PAYMENT_MISMATCH: marked paid but only 30.00 came in.
        day.add(paid(5, "50.00", cash(51, "30.00", "30.00", "0.00")));
        day.add(document(105, SalesDocumentType.RECEIPT, "B001-00000002", 5L, "50.00"));
        // Cancelled: counted apart, needs no invoice.
        day.add(new ClosureOrder(6, "A-0006", "LIM-01", DAY, OrderStatus.CANCELLED, pen("40.00"),
                PaymentStatus.UNPAID, List.of()));
        // MISSING_ORDER: credit note for an order the day's reading did not find (missing, or of another location).
        day.add(document(107, SalesDocumentType.CREDIT_NOTE, "FC01-00000003", 999L, "15.00"));
        return day;
    }
}
