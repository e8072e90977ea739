package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.cuadra.reconciliation.domain.closure.SeededDay.DAY;
import static io.cuadra.reconciliation.domain.closure.SeededDay.SCOPE;
import static io.cuadra.reconciliation.domain.closure.SeededDay.card;
import static io.cuadra.reconciliation.domain.closure.SeededDay.cash;
import static io.cuadra.reconciliation.domain.closure.SeededDay.document;
import static io.cuadra.reconciliation.domain.closure.SeededDay.order;
import static io.cuadra.reconciliation.domain.closure.SeededDay.paid;
import static io.cuadra.reconciliation.domain.closure.SeededDay.pen;
import static io.cuadra.reconciliation.domain.closure.SeededDay.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClosureTallyTest {

    private static ClosureSummary tallyOf(List<? extends ClosureInput> inputs) {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(inputs);
        return tally.summary();
    }

    @Test
    void seededDayHasExactlyOneDiscrepancyOfEachType() {
        ClosureSummary summary = tallyOf(SeededDay.inputs());

        assertThat(summary.discrepancies())
                .extracting(d -> d.key().toString(), Discrepancy::orderNumber, Discrepancy::expected, Discrepancy::actual)
                .containsExactly(
                        tuple("MISSING_INVOICE/ORDER/3", "A-0003", pen("80.00"), pen("0.00")),
                        tuple("MISSING_ORDER/DOCUMENT/107", null, pen("15.00"), pen("0.00")),
                        tuple("AMOUNT_MISMATCH/ORDER/4", "A-0004", pen("200.00"), pen("190.00")),
                        tuple("PAYMENT_MISMATCH/ORDER/5", "A-0005", pen("50.00"), pen("30.00")));
    }

    @Test
    void discrepanciesCarryReferencesAndReadableSentences() {
        ClosureSummary summary = tallyOf(SeededDay.inputs());

        Discrepancy missingInvoice = summary.discrepanciesOf(DiscrepancyType.MISSING_INVOICE).get(0);
        assertThat(missingInvoice.orderId()).isEqualTo(3L);
        assertThat(missingInvoice.sentence()).isEqualTo("Order A-0003 is paid (80.00 PEN) but has no invoice or receipt.");

        Discrepancy missingOrder = summary.discrepanciesOf(DiscrepancyType.MISSING_ORDER).get(0);
        assertThat(missingOrder.orderId()).isEqualTo(999L);
        assertThat(missingOrder.documents()).containsExactly(new DocumentRef(107, "FC01-00000003"));
        assertThat(missingOrder.sentence()).isEqualTo("Credit note FC01-00000003 (15.00 PEN) refers to order 999, "
                + "which is not an order of LIM-01 (missing, or of another location).");

        Discrepancy amount = summary.discrepanciesOf(DiscrepancyType.AMOUNT_MISMATCH).get(0);
        assertThat(amount.documents()).containsExactly(new DocumentRef(104, "F001-00000011"));
        assertThat(amount.difference()).isEqualTo(pen("-10.00"));
        assertThat(amount.sentence()).isEqualTo("Order A-0004 totals 200.00 PEN but F001-00000011 totals 190.00 PEN (10.00 less).");

        Discrepancy payment = summary.discrepanciesOf(DiscrepancyType.PAYMENT_MISMATCH).get(0);
        assertThat(payment.sentence()).isEqualTo("Order A-0005 is marked paid for 50.00 PEN but its payments add up to 30.00 PEN (20.00 short).");
    }

    @Test
    void countsAndRegisteredTotal() {
        ClosureSummary summary = tallyOf(SeededDay.inputs());

        assertThat(summary.orderCount()).isEqualTo(5);
        assertThat(summary.cancelledOrderCount()).isEqualTo(1);
        assertThat(summary.invoiceCount()).isEqualTo(4);
        assertThat(summary.creditNoteCount()).isEqualTo(1);
        assertThat(summary.invoicedTotal()).isEqualTo(pen("424.50"));
        assertThat(summary.creditedTotal()).isEqualTo(pen("15.00"));
        assertThat(summary.registeredTotal()).isEqualTo(pen("409.50"));
    }

    @Test
    void expectedAmountPerMethodWithCashNetOfChange() {
        ClosureSummary summary = tallyOf(SeededDay.inputs());

        assertThat(summary.expectedByMethod())
                .extracting(MethodTotal::kind, MethodTotal::methodCode, MethodTotal::expected, MethodTotal::paymentCount)
                .containsExactly(
                        tuple(PaymentKind.CASH, "CASH", pen("94.50"), 2),
                        tuple(PaymentKind.CARD, "VISA", pen("120.00"), 1),
                        tuple(PaymentKind.TRANSFER, "BCP-TRANSFER", pen("200.00"), 1),
                        tuple(PaymentKind.WALLET, "YAPE", pen("80.00"), 1));
        // 100.00 tendered - 35.50 change + 30.00 tendered - 0.00 change
        assertThat(summary.expectedCash()).isEqualTo(pen("94.50"));
    }

    @Test
    void cashKeepsWhatStayedInTheDrawerEvenWhenTheChangeWasWrong() {
        // 20.00 applied, 50.00 tendered, but the cashier handed back 31.00 instead of 30.00.
        ClosureSummary summary = tallyOf(List.of(paid(1, "20.00", cash(11, "20.00", "50.00", "31.00"))));

        assertThat(summary.expectedCash()).isEqualTo(pen("19.00"));
    }

    @Test
    void cardOrTransferWithoutReferenceIsAPaymentMismatchOnThePayment() {
        ClosureSummary summary = tallyOf(List.of(
                paid(1, "70.00", card(11, "50.00", " "), transfer(12, "20.00", null)),
                document(101, SalesDocumentType.RECEIPT, "B001-1", 1L, "70.00")));

        assertThat(summary.discrepancies())
                .extracting(d -> d.key().toString(), Discrepancy::sentence)
                .containsExactly(
                        tuple("PAYMENT_MISMATCH/PAYMENT/11", "Card payment 11 (VISA, 50.00 PEN) of order A-0001 has no operation reference."),
                        tuple("PAYMENT_MISMATCH/PAYMENT/12", "Transfer payment 12 (BCP-TRANSFER, 20.00 PEN) of order A-0001 has no operation reference."));
    }

    @Test
    void documentWithoutOrderIsMissingOrder() {
        ClosureSummary summary = tallyOf(List.of(document(101, SalesDocumentType.RECEIPT, "B001-7", null, "9.90")));

        assertThat(summary.discrepancies()).singleElement()
                .extracting(Discrepancy::sentence)
                .isEqualTo("Receipt B001-7 (9.90 PEN) is not linked to any order.");
    }

    @Test
    void severalInvoicesOfOneOrderAreAddedBeforeComparing() {
        ClosureSummary exact = tallyOf(List.of(paid(1, "100.00", cash(11, "100.00", "100.00", "0.00")),
                document(102, SalesDocumentType.INVOICE, "F001-2", 1L, "40.00"),
                document(101, SalesDocumentType.INVOICE, "F001-1", 1L, "60.00")));
        ClosureSummary over = tallyOf(List.of(paid(1, "100.00", cash(11, "100.00", "100.00", "0.00")),
                document(102, SalesDocumentType.INVOICE, "F001-2", 1L, "60.00"),
                document(101, SalesDocumentType.INVOICE, "F001-1", 1L, "60.00")));

        assertThat(exact.discrepancies()).isEmpty();
        assertThat(over.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.documents()).extracting(DocumentRef::id).containsExactly(101L, 102L);
            assertThat(d.sentence()).isEqualTo("Order A-0001 totals 100.00 PEN but F001-1, F001-2 total 120.00 PEN (20.00 more).");
        });
    }

    @Test
    void unpaidOrdersNeedNoInvoiceYetAndACreditNoteSquaresWithItsRefund() {
        ClosurePayment paid21 = cash(21, "25.00", "25.00", "0.00");
        ClosureOrder refunded = new ClosureOrder(2, "A-0002", "LIM-01", DAY, OrderStatus.COMPLETED, pen("25.00"),
                PaymentStatus.PAID, List.of(paid21),
                List.of(new ClosureRefund(91, "CASH", PaymentKind.CASH, pen("5.00"), DAY)), null, null);
        ClosureSummary summary = tallyOf(List.of(
                order(1, "30.00", PaymentStatus.PARTIALLY_PAID, cash(11, "10.00", "10.00", "0.00")),
                refunded,
                document(102, SalesDocumentType.RECEIPT, "B001-2", 2L, "25.00"),
                document(103, SalesDocumentType.CREDIT_NOTE, "BC01-1", 2L, "5.00")));

        assertThat(summary.discrepancies()).isEmpty();
        assertThat(summary.registeredTotal()).isEqualTo(pen("20.00"));
        assertThat(summary.expectedCash()).isEqualTo(pen("30.00"));
    }

    @Test
    void aCreditNoteWithoutItsRefundBillsTheOrderShort() {
        ClosureSummary summary = tallyOf(List.of(
                paid(2, "25.00", cash(21, "25.00", "25.00", "0.00")),
                document(102, SalesDocumentType.RECEIPT, "B001-2", 2L, "25.00"),
                document(103, SalesDocumentType.CREDIT_NOTE, "BC01-1", 2L, "5.00")));

        assertThat(summary.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.key().toString()).isEqualTo("AMOUNT_MISMATCH/ORDER/2");
            assertThat(d.sentence()).isEqualTo("Order A-0002 is billed 20.00 PEN net of credit notes (B001-2, BC01-1"
                    + " this day) but owes 25.00 PEN (5.00 less).");
        });
    }

    @Test
    void addingTheSameChunkTwiceChangesNothing() {
        List<ClosureInput> chunk = SeededDay.inputs();
        ClosureTally tally = new ClosureTally(SCOPE);

        assertThat(tally.addAll(chunk)).isEqualTo(chunk.size());
        ClosureSummary once = tally.summary();
        assertThat(tally.addAll(chunk)).isZero();

        assertThat(tally.summary()).isEqualTo(once);
        assertThat(tally.distinctOrders()).isEqualTo(6);
    }

    @Test
    void anOrderReadAgainWithNewContentReplacesItsOldContribution() {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.add(paid(1, "50.00", cash(11, "50.00", "50.00", "0.00")));
        tally.add(document(101, SalesDocumentType.RECEIPT, "B001-1", 1L, "50.00"));

        // Between two reads the cashier switched the payment to card.
        tally.add(paid(1, "50.00", card(12, "50.00", "V-1")));

        ClosureSummary summary = tally.summary();
        assertThat(summary.orderCount()).isEqualTo(1);
        assertThat(summary.expectedByMethod()).extracting(MethodTotal::methodCode, MethodTotal::expected)
                .containsExactly(tuple("VISA", pen("50.00")));
        assertThat(summary.discrepancies()).isEmpty();
    }

    @Test
    void mergingTwoPartialTalliesEqualsOneTallyOverAll() {
        List<ClosureInput> all = SeededDay.inputs();
        // Orders in one partition, documents in the other: the cross-checks only meet after the merge.
        List<ClosureInput> ordersOnly = all.stream().filter(ClosureOrder.class::isInstance).toList();
        List<ClosureInput> documentsOnly = all.stream().filter(ClosureDocument.class::isInstance).toList();

        ClosureTally left = new ClosureTally(SCOPE);
        left.addAll(ordersOnly);
        ClosureTally right = new ClosureTally(SCOPE);
        right.addAll(documentsOnly);
        ClosureTally leftThenRight = ClosureTally.restore(left.snapshot()).merge(right);
        ClosureTally rightThenLeft = ClosureTally.restore(right.snapshot()).merge(left);

        ClosureSummary whole = tallyOf(all);
        assertThat(leftThenRight.summary()).isEqualTo(whole);
        assertThat(rightThenLeft.summary()).isEqualTo(whole);
    }

    @Test
    void onePartialPerChunkStoredAsBytesAndMergedAtTheEndEqualsOneTally() {
        List<ClosureInput> all = SeededDay.inputs();
        List<byte[]> checkpoints = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 3) {
            ClosureTally partial = new ClosureTally(SCOPE);
            partial.addAll(all.subList(from, Math.min(all.size(), from + 3)));
            checkpoints.add(partial.snapshot().toBytes());
        }

        ClosureTally merged = new ClosureTally(SCOPE);
        checkpoints.forEach(bytes -> merged.merge(ClosureTally.restore(ClosureTally.Snapshot.fromBytes(bytes))));

        assertThat(merged.summary()).isEqualTo(tallyOf(all));
    }

    @Test
    void absorbingStoredPartialsEqualsMergingTheirRestoredTallies() {
        List<ClosureInput> all = SeededDay.inputs();
        ClosureTally absorbed = new ClosureTally(SCOPE);
        ClosureTally merged = new ClosureTally(SCOPE);
        for (int from = 0; from < all.size(); from += 4) {
            ClosureTally partial = new ClosureTally(SCOPE);
            // Overlapping partials (a chunk read again after a restart) count their shared records once.
            partial.addAll(all.subList(Math.max(0, from - 1), Math.min(all.size(), from + 4)));
            ClosureTally.Snapshot stored = ClosureTally.Snapshot.fromBytes(partial.snapshot().toBytes());
            absorbed.absorb(stored);
            merged.merge(ClosureTally.restore(stored));
        }

        assertThat(absorbed.summary()).isEqualTo(merged.summary()).isEqualTo(tallyOf(all));
    }

    @Test
    void absorbRefusesTwoVersionsOfTheSameOrder() {
        ClosureTally first = new ClosureTally(SCOPE);
        first.add(paid(1, "50.00", cash(11, "50.00", "50.00", "0.00")));
        ClosureTally second = new ClosureTally(SCOPE);
        second.add(paid(1, "55.00", cash(11, "55.00", "55.00", "0.00")));

        assertThatThrownBy(() -> first.absorb(second.snapshot()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Order A-0001 differs");
    }

    @Test
    void mergeOfOverlappingPartitionsCountsSharedRecordsOnce() {
        List<ClosureInput> all = SeededDay.inputs();
        ClosureTally first = new ClosureTally(SCOPE);
        first.addAll(all.subList(0, 8));
        ClosureTally second = new ClosureTally(SCOPE);
        second.addAll(all.subList(4, all.size()));

        assertThat(first.merge(second).summary()).isEqualTo(tallyOf(all));
    }

    @Test
    void mergeRefusesTwoVersionsOfTheSameOrder() {
        ClosureTally first = new ClosureTally(SCOPE);
        first.add(paid(1, "50.00", cash(11, "50.00", "50.00", "0.00")));
        ClosureTally second = new ClosureTally(SCOPE);
        second.add(paid(1, "55.00", cash(11, "55.00", "55.00", "0.00")));

        assertThatThrownBy(() -> first.merge(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Order A-0001 differs");
    }

    @Test
    void summaryDoesNotDependOnReadOrder() {
        List<ClosureInput> shuffled = new ArrayList<>(SeededDay.inputs());
        Collections.reverse(shuffled);

        assertThat(tallyOf(shuffled)).isEqualTo(tallyOf(SeededDay.inputs()));
    }

    @Test
    void snapshotSurvivesJavaSerialisationForCheckpoints() throws Exception {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(SeededDay.inputs());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tally.snapshot());
        }
        ClosureTally.Snapshot read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (ClosureTally.Snapshot) in.readObject();
        }

        ClosureTally restored = ClosureTally.restore(read);
        assertThat(restored.summary()).isEqualTo(tally.summary());
        // A restarted step re-reads the chunk after the checkpoint: nothing is counted twice.
        assertThat(restored.addAll(SeededDay.inputs())).isZero();
    }

    @Test
    void snapshotBytesRoundTripEveryField() {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(SeededDay.inputs());
        tally.add(paid(8, "70.00", card(81, "50.00", null), cash(82, "20.00", "50.00", "30.00")));
        tally.add(document(108, SalesDocumentType.RECEIPT, "B001-8", null, "70.00"));
        ClosureTally.Snapshot snapshot = tally.snapshot();

        ClosureTally.Snapshot read = ClosureTally.Snapshot.fromBytes(snapshot.toBytes());

        assertThat(read).isEqualTo(snapshot);
    }

    @Test
    void corruptSnapshotBytesAreRefused() {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(SeededDay.inputs());
        byte[] bytes = tally.snapshot().toBytes();

        assertThatThrownBy(() -> ClosureTally.Snapshot.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        bytes[3] = 9;
        assertThatThrownBy(() -> ClosureTally.Snapshot.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown tally snapshot format 9");
    }

    @Test
    void refusesRecordsOfALaterDayAnotherLocationOrCurrency() {
        ClosureTally tally = new ClosureTally(SCOPE);
        ClosureOrder tomorrow = new ClosureOrder(1, "A-0001", "LIM-01", DAY.plusDays(1), OrderStatus.COMPLETED,
                pen("1.00"), PaymentStatus.UNPAID, List.of());
        ClosureDocument elsewhere = new ClosureDocument(2, SalesDocumentType.INVOICE, "F002-1", null, pen("1.00"),
                DAY, "ARE-01");
        ClosureOrder inDollars = new ClosureOrder(3, "A-0003", "LIM-01", DAY, OrderStatus.COMPLETED,
                Money.of("1.00", "USD"), PaymentStatus.UNPAID, List.of());

        assertThatThrownBy(() -> tally.add(tomorrow)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order A-0001 of LIM-01 registered on 2026-11-21 cannot move money in the closure of LIM-01 on 2026-11-20");
        assertThatThrownBy(() -> tally.add(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invoice F002-1 belongs to ARE-01");
        assertThatThrownBy(() -> tally.add(inDollars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is in USD");
        assertThat(tally.distinctOrders()).isZero();
    }
}
