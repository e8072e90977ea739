package io.cuadra.reconciliation.bench;

import io.cuadra.reconciliation.domain.closure.ClosureDocument;
import io.cuadra.reconciliation.domain.closure.ClosureInput;
import io.cuadra.reconciliation.domain.closure.ClosureOrder;
import io.cuadra.reconciliation.domain.closure.ClosurePayment;
import io.cuadra.reconciliation.domain.closure.ClosureScope;
import io.cuadra.reconciliation.domain.closure.ClosureSummary;
import io.cuadra.reconciliation.domain.closure.ClosureTally;
import io.cuadra.reconciliation.domain.closure.OrderStatus;
import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.reconciliation.domain.closure.PaymentStatus;
import io.cuadra.reconciliation.domain.closure.SalesDocumentType;
import io.cuadra.shared.domain.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Tallies 100,000 synthetic orders (one or two payments each, an invoice or receipt for almost all)
 * in chunks of 500, as a chunk step would, and prints orders per second. Not a test: it asserts
 * nothing and is run by hand:
 *
 * <pre>
 * ./mvnw -B -q -pl ejb-module -am package -DskipTests \
 *     -Dunit.bench=io.cuadra.reconciliation.bench.ClosureTallyBenchmark [-Dunit.bench.args="orders chunk rounds"]
 * </pre>
 *
 * Optional arguments: order count, chunk size, measured rounds.
 */
public final class ClosureTallyBenchmark {

    private static final ClosureScope SCOPE = ClosureScope.of("LIM-01", LocalDate.of(2026, 11, 20), "PEN");
    private static final Currency PEN = Currency.getInstance("PEN");

    private ClosureTallyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int chunkSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        List<List<ClosureInput>> chunks = chunks(generate(orders, new Random(20261120)), chunkSize);
        System.out.printf(Locale.ROOT, "Closure tally: %,d orders in %,d chunks of %d items, %d warm-up + %d measured rounds%n",
                orders, chunks.size(), chunkSize, 3, rounds);

        for (int i = 0; i < 3; i++) {
            run(chunks);
        }
        double[] addRates = new double[rounds];
        double[] fullRates = new double[rounds];
        ClosureTally last = null;
        ClosureSummary summary = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            ClosureTally tally = new ClosureTally(SCOPE);
            chunks.forEach(tally::addAll);
            long added = System.nanoTime();
            summary = tally.summary();
            long done = System.nanoTime();
            addRates[i] = orders / ((added - start) / 1e9);
            fullRates[i] = orders / ((done - start) / 1e9);
            last = tally;
        }
        Arrays.sort(addRates);
        Arrays.sort(fullRates);
        System.out.printf(Locale.ROOT, "add (chunks only):        median %,.0f orders/s (best %,.0f)%n",
                addRates[rounds / 2], addRates[rounds - 1]);
        System.out.printf(Locale.ROOT, "add + summary():          median %,.0f orders/s (best %,.0f)%n",
                fullRates[rounds / 2], fullRates[rounds - 1]);

        long restartStart = System.nanoTime();
        int changed = last.addAll(chunks.get(chunks.size() / 2));
        long restartNanos = System.nanoTime() - restartStart;
        System.out.printf(Locale.ROOT, "re-adding one chunk:      %d changes, %.3f ms%n", changed, restartNanos / 1e6);

        for (int i = 0; i < 3; i++) {
            ClosureTally.restore(ClosureTally.Snapshot.fromBytes(last.snapshot().toBytes()));
        }
        long snapStart = System.nanoTime();
        byte[] checkpoint = last.snapshot().toBytes();
        long snapNanos = System.nanoTime() - snapStart;
        long restoreStart = System.nanoTime();
        ClosureTally restored = ClosureTally.restore(ClosureTally.Snapshot.fromBytes(checkpoint));
        long restoreNanos = System.nanoTime() - restoreStart;
        System.out.printf(Locale.ROOT, "snapshot of the full day: %,d bytes in %.1f ms; restored in %.1f ms (%d orders)%n",
                checkpoint.length, snapNanos / 1e6, restoreNanos / 1e6, restored.distinctOrders());
        long javaStart = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(last.snapshot());
        }
        System.out.printf(Locale.ROOT, "same through ObjectOutputStream: %,d bytes in %.1f ms%n", bytes.size(),
                (System.nanoTime() - javaStart) / 1e6);
        System.out.printf(Locale.ROOT, "summary: %d orders, %d invoices, %d credit notes, registered %s, cash %s, %d discrepancies%n",
                summary.orderCount(), summary.invoiceCount(), summary.creditNoteCount(), summary.registeredTotal(),
                summary.expectedCash(), summary.discrepancies().size());
    }

    private static void run(List<List<ClosureInput>> chunks) {
        ClosureTally tally = new ClosureTally(SCOPE);
        chunks.forEach(tally::addAll);
        tally.summary();
    }

    private static List<ClosureInput> generate(int count, Random random) {
        List<ClosureInput> inputs = new ArrayList<>(count * 2);
        long paymentId = 1;
        for (long id = 1; id <= count; id++) {
            Money total = Money.of(BigDecimal.valueOf(500 + random.nextInt(50_000), 2), PEN);
            List<ClosurePayment> payments = new ArrayList<>(2);
            if (random.nextInt(4) == 0) {
                Money half = Money.of(total.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN), PEN);
                payments.add(cash(paymentId++, half));
                payments.add(ClosurePayment.of(paymentId++, "YAPE", PaymentKind.WALLET, total.minus(half), null));
            } else {
                switch (random.nextInt(3)) {
                    case 0 -> payments.add(cash(paymentId++, total));
                    case 1 -> payments.add(ClosurePayment.of(paymentId++, "VISA", PaymentKind.CARD, total, "V" + id));
                    default -> payments.add(ClosurePayment.of(paymentId++, "BCP", PaymentKind.TRANSFER, total, "OP" + id));
                }
            }
            inputs.add(new ClosureOrder(id, "A-" + id, SCOPE.location(), SCOPE.businessDate(), OrderStatus.COMPLETED,
                    total, PaymentStatus.PAID, payments));
            // About 1 order in 200 is left without invoice, so discrepancies are part of the work.
            if (random.nextInt(200) != 0) {
                SalesDocumentType type = random.nextBoolean() ? SalesDocumentType.RECEIPT : SalesDocumentType.INVOICE;
                inputs.add(new ClosureDocument(1_000_000 + id, type, (type == SalesDocumentType.RECEIPT ? "B001-" : "F001-") + id,
                        id, total, SCOPE.businessDate(), SCOPE.location()));
            }
            if (random.nextInt(100) == 0) {
                inputs.add(new ClosureDocument(2_000_000 + id, SalesDocumentType.CREDIT_NOTE, "BC01-" + id, id,
                        Money.of("1.00", "PEN"), SCOPE.businessDate(), SCOPE.location()));
            }
        }
        return inputs;
    }

    /** Cash paid with the next multiple of 10 and change given back, as at a real counter. */
    private static ClosurePayment cash(long id, Money applied) {
        BigDecimal tendered = applied.amount().divide(BigDecimal.TEN, 0, RoundingMode.UP).multiply(BigDecimal.TEN);
        Money tenderedMoney = Money.of(tendered, PEN);
        return ClosurePayment.cash(id, applied, tenderedMoney, tenderedMoney.minus(applied));
    }

    private static List<List<ClosureInput>> chunks(List<ClosureInput> inputs, int size) {
        List<List<ClosureInput>> chunks = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i += size) {
            chunks.add(List.copyOf(inputs.subList(i, Math.min(inputs.size(), i + size))));
        }
        return chunks;
    }
}
