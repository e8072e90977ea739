package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.cuadra.reconciliation.domain.closure.SeededDay.pen;
import static org.assertj.core.api.Assertions.assertThat;

/** Money belongs to the day it moved: orders of any age, judged as at the end of each day. */
class BusinessDayTest {

    private static final LocalDate MON = LocalDate.of(2026, 11, 16);
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);

    private static ClosureSummary day(LocalDate day, ClosureInput... inputs) {
        ClosureTally tally = new ClosureTally(ClosureScope.of("LIM-01", day, "PEN"));
        tally.addAll(List.of(inputs));
        return tally.summary();
    }

    private static ClosurePayment cash(long id, String amount, LocalDate on) {
        return ClosurePayment.cash(id, pen(amount), pen(amount), pen("0.00")).on(on);
    }

    private static ClosureDocument receipt(long id, long orderId, String total, LocalDate on) {
        return new ClosureDocument(id, SalesDocumentType.RECEIPT, "B001-" + id, orderId, pen(total), on, "LIM-01");
    }

    private static ClosureDocument creditNote(long id, long orderId, String total, LocalDate on) {
        return new ClosureDocument(id, SalesDocumentType.CREDIT_NOTE, "BC01-" + id, orderId, pen(total), on, "LIM-01");
    }

    private static ClosureOrder.EarlierBilling billed(int documents, String invoiced, String credited) {
        return new ClosureOrder.EarlierBilling(documents, pen(invoiced), pen(credited));
    }

    @Test
    void aSecondInstalmentOfAnOlderOrderIsTodaysCashAndBillsOnlyWhenPaid() {
        ClosureOrder order = new ClosureOrder(1, "A-1", "LIM-01", MON, OrderStatus.OPEN, pen("100.00"),
                PaymentStatus.PAID, List.of(cash(11, "40.00", MON), cash(12, "60.00", TUE)), List.of(), null, null);

        ClosureSummary monday = day(MON, order);
        ClosureSummary tuesday = day(TUE, order, receipt(101, 1, "100.00", TUE));

        assertThat(monday.expectedCash()).isEqualTo(pen("40.00"));
        assertThat(monday.orderCount()).isEqualTo(1);
        assertThat(monday.discrepancies()).isEmpty();
        assertThat(tuesday.expectedCash()).isEqualTo(pen("60.00"));
        assertThat(tuesday.orderCount()).isZero();
        assertThat(tuesday.discrepancies()).isEmpty();
        // Without its receipt the order is unbilled on the day it became paid, and only then.
        assertThat(day(TUE, order).discrepancies()).extracting(d -> d.key().toString())
                .containsExactly("MISSING_INVOICE/ORDER/1");
        assertThat(day(WED, order).discrepancies()).isEmpty();
    }

    @Test
    void aCreditNoteForAnEarlierDaysInvoiceSquaresWithItsRefund() {
        ClosureOrder returned = new ClosureOrder(2, "A-2", "LIM-01", MON, OrderStatus.COMPLETED, pen("80.00"),
                PaymentStatus.PAID, List.of(cash(21, "80.00", MON)),
                List.of(new ClosureRefund(91, "CASH", PaymentKind.CASH, pen("30.00"), WED)), null,
                billed(1, "80.00", "0.00"));

        ClosureSummary wednesday = day(WED, returned, creditNote(102, 2, "30.00", WED));

        assertThat(wednesday.discrepancies()).isEmpty();
        assertThat(wednesday.expectedCash()).isEqualTo(pen("-30.00"));
        assertThat(wednesday.creditedTotal()).isEqualTo(pen("30.00"));
        assertThat(wednesday.registeredTotal()).isEqualTo(pen("-30.00"));
    }

    @Test
    void aPaymentAndACancellationOnOneDayLeaveNothingInTheDrawerAndNothingToBill() {
        ClosureOrder cancelled = new ClosureOrder(3, "A-3", "LIM-01", TUE, OrderStatus.CANCELLED, pen("50.00"),
                PaymentStatus.PAID, List.of(cash(31, "50.00", TUE)),
                List.of(new ClosureRefund(92, "CASH", PaymentKind.CASH, pen("50.00"), TUE)), TUE, null);

        ClosureSummary tuesday = day(TUE, cancelled, receipt(103, 3, "50.00", TUE), creditNote(104, 3, "50.00", TUE));

        assertThat(tuesday.discrepancies()).isEmpty();
        assertThat(tuesday.expectedCash()).isEqualTo(pen("0.00"));
        assertThat(tuesday.orderCount()).isZero();
        assertThat(tuesday.cancelledOrderCount()).isEqualTo(1);
        assertThat(tuesday.registeredTotal()).isEqualTo(pen("0.00"));
    }

    @Test
    void anOrderCancelledTheNextDayIsLiveOnItsFirstDayAndRefundedOnTheSecond() {
        ClosureOrder order = new ClosureOrder(4, "A-4", "LIM-01", MON, OrderStatus.CANCELLED, pen("20.00"),
                PaymentStatus.PAID, List.of(cash(41, "20.00", MON)),
                List.of(new ClosureRefund(93, "CASH", PaymentKind.CASH, pen("20.00"), TUE)), TUE, null);

        ClosureSummary monday = day(MON, order, receipt(105, 4, "20.00", MON));
        ClosureOrder readOnTuesday = new ClosureOrder(4, "A-4", "LIM-01", MON, OrderStatus.CANCELLED, pen("20.00"),
                PaymentStatus.PAID, order.payments(), order.refunds(), TUE, billed(1, "20.00", "0.00"));
        ClosureSummary tuesday = day(TUE, readOnTuesday, creditNote(106, 4, "20.00", TUE));

        assertThat(monday.discrepancies()).isEmpty();
        assertThat(monday.orderCount()).isEqualTo(1);
        assertThat(monday.expectedCash()).isEqualTo(pen("20.00"));
        assertThat(tuesday.discrepancies()).isEmpty();
        assertThat(tuesday.cancelledOrderCount()).isEqualTo(1);
        assertThat(tuesday.expectedCash()).isEqualTo(pen("-20.00"));
        // A cancellation whose credit note never came leaves the invoice standing.
        assertThat(day(TUE, readOnTuesday).discrepancies()).extracting(d -> d.key().toString(), Discrepancy::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AMOUNT_MISMATCH/ORDER/4", pen("20.00")));
    }

    @Test
    void snapshotsKeepTheDaysOfEveryMovement() {
        ClosureOrder order = new ClosureOrder(5, "A-5", "LIM-01", MON, OrderStatus.CANCELLED, pen("20.00"),
                PaymentStatus.PAID, List.of(cash(51, "20.00", MON)),
                List.of(new ClosureRefund(94, "YAPE", PaymentKind.WALLET, pen("20.00"), WED)), WED,
                billed(1, "20.00", "0.00"));
        ClosureTally tally = new ClosureTally(ClosureScope.of("LIM-01", WED, "PEN"));
        tally.add(order);

        ClosureTally.Snapshot back = ClosureTally.Snapshot.fromBytes(tally.snapshot().toBytes());

        assertThat(back.orders()).containsExactly(order);
        assertThat(ClosureTally.restore(back).summary()).isEqualTo(tally.summary());
        assertThat(tally.summary().expectedOf(PaymentKind.WALLET)).isEqualTo(Money.of("-20.00", "PEN"));
    }
}
