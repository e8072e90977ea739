package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Compact binary form of a {@link ClosureTally.Snapshot}. Default Java serialisation of 100,000
 * order records takes seconds and tens of megabytes, too slow for a checkpoint; this form writes
 * the scope once (every record shares it), amounts as cents and enums by name (so a reordered enum
 * cannot corrupt a checkpoint written before a redeploy).
 */
final class TallySnapshotCodec {

    private static final int FORMAT = 2;

    private TallySnapshotCodec() {
    }

    static byte[] encode(ClosureTally.Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + snapshot.orders().size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ClosureScope scope = snapshot.scope();
            out.writeInt(FORMAT);
            out.writeUTF(scope.location());
            out.writeLong(scope.businessDate().toEpochDay());
            out.writeUTF(scope.currency().getCurrencyCode());
            out.writeInt(snapshot.orders().size());
            for (ClosureOrder o : snapshot.orders()) {
                out.writeLong(o.id());
                out.writeUTF(o.number());
                out.writeLong(o.registeredOn().toEpochDay());
                out.writeUTF(o.status().name());
                writeMoney(out, o.total());
                out.writeUTF(o.paymentStatus().name());
                out.writeInt(o.payments().size());
                for (ClosurePayment p : o.payments()) {
                    out.writeLong(p.id());
                    out.writeUTF(p.methodCode());
                    out.writeUTF(p.kind().name());
                    writeMoney(out, p.amountApplied());
                    out.writeBoolean(p.cashTendered() != null);
                    if (p.cashTendered() != null) {
                        writeMoney(out, p.cashTendered());
                        writeMoney(out, p.changeGiven());
                    }
                    writeNullable(out, p.reference());
                    out.writeLong(p.paidOn().toEpochDay());
                }
                out.writeInt(o.refunds().size());
                for (ClosureRefund r : o.refunds()) {
                    out.writeLong(r.id());
                    out.writeUTF(r.methodCode());
                    out.writeUTF(r.kind().name());
                    writeMoney(out, r.amount());
                    out.writeLong(r.refundedOn().toEpochDay());
                }
                out.writeBoolean(o.cancelledOn() != null);
                if (o.cancelledOn() != null) {
                    out.writeLong(o.cancelledOn().toEpochDay());
                }
                out.writeInt(o.billedBefore().salesDocuments());
                writeMoney(out, o.billedBefore().invoiced());
                writeMoney(out, o.billedBefore().credited());
            }
            out.writeInt(snapshot.documents().size());
            for (ClosureDocument d : snapshot.documents()) {
                out.writeLong(d.id());
                out.writeUTF(d.type().name());
                out.writeUTF(d.seriesNumber());
                out.writeBoolean(d.orderId() != null);
                if (d.orderId() != null) {
                    out.writeLong(d.orderId());
                }
                writeMoney(out, d.total());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static ClosureTally.Snapshot decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown tally snapshot format " + format);
            }
            String location = in.readUTF();
            LocalDate day = LocalDate.ofEpochDay(in.readLong());
            Currency currency = Currency.getInstance(in.readUTF());
            ClosureScope scope = new ClosureScope(location, day, currency);
            int orderCount = in.readInt();
            List<ClosureOrder> orders = new ArrayList<>(orderCount);
            for (int i = 0; i < orderCount; i++) {
                long id = in.readLong();
                String number = in.readUTF();
                LocalDate registeredOn = LocalDate.ofEpochDay(in.readLong());
                OrderStatus status = OrderStatus.valueOf(in.readUTF());
                Money total = readMoney(in, currency);
                PaymentStatus paymentStatus = PaymentStatus.valueOf(in.readUTF());
                int paymentCount = in.readInt();
                List<ClosurePayment> payments = new ArrayList<>(paymentCount);
                for (int j = 0; j < paymentCount; j++) {
                    long paymentId = in.readLong();
                    String method = in.readUTF();
                    PaymentKind kind = PaymentKind.valueOf(in.readUTF());
                    Money applied = readMoney(in, currency);
                    Money tendered = null;
                    Money change = null;
                    if (in.readBoolean()) {
                        tendered = readMoney(in, currency);
                        change = readMoney(in, currency);
                    }
                    String reference = readNullable(in);
                    payments.add(new ClosurePayment(paymentId, method, kind, applied, tendered, change, reference,
                            LocalDate.ofEpochDay(in.readLong())));
                }
                int refundCount = in.readInt();
                List<ClosureRefund> refunds = new ArrayList<>(refundCount);
                for (int j = 0; j < refundCount; j++) {
                    refunds.add(new ClosureRefund(in.readLong(), in.readUTF(), PaymentKind.valueOf(in.readUTF()),
                            readMoney(in, currency), LocalDate.ofEpochDay(in.readLong())));
                }
                LocalDate cancelledOn = in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
                ClosureOrder.EarlierBilling before = new ClosureOrder.EarlierBilling(in.readInt(), readMoney(in, currency),
                        readMoney(in, currency));
                orders.add(new ClosureOrder(id, number, location, registeredOn, status, total, paymentStatus, payments,
                        refunds, cancelledOn, before));
            }
            int documentCount = in.readInt();
            List<ClosureDocument> documents = new ArrayList<>(documentCount);
            for (int i = 0; i < documentCount; i++) {
                long id = in.readLong();
                SalesDocumentType type = SalesDocumentType.valueOf(in.readUTF());
                String seriesNumber = in.readUTF();
                Long orderId = in.readBoolean() ? in.readLong() : null;
                documents.add(new ClosureDocument(id, type, seriesNumber, orderId, readMoney(in, currency), day, location));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("Tally snapshot has " + in.available() + " trailing bytes");
            }
            return new ClosureTally.Snapshot(scope, orders, documents);
        } catch (IOException e) {
            throw new IllegalArgumentException("Tally snapshot is truncated or corrupt", e);
        }
    }

    /** Cents: every Money has scale 2, so the unscaled value is the amount in cents. */
    private static void writeMoney(DataOutputStream out, Money money) throws IOException {
        // Always in hundredths, whatever the currency's digits, so snapshots read the same before and after.
        out.writeLong(money.amount().movePointRight(Money.SCALE).longValueExact());
    }

    private static Money readMoney(DataInputStream in, Currency currency) throws IOException {
        return Money.of(BigDecimal.valueOf(in.readLong(), Money.SCALE), currency);
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
