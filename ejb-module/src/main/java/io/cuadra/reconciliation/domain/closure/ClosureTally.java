package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Accumulates one location's day chunk by chunk. The day's money is what moved in it — payments taken
 * (cash net of change) less refunds paid, for orders of any age — its documents are those issued in it,
 * and its activity is the orders registered in it (see {@link ClosureOrder} for the judging "as at the
 * end of the day"). Orders are keyed by order id and documents by
 * document id, so re-adding a chunk after a restart changes nothing, and a record read again with
 * new content replaces the old one (its contribution is taken back first). Money per method and the
 * counts are kept as running totals; the cross-checks between orders and documents need both sides,
 * which may arrive in different chunks, so they are made in {@link #summary()}.
 *
 * <p>Checkpoints: a snapshot of the whole day grows with the day (about 140 bytes per order with
 * its invoice). To keep each checkpoint the size of a chunk, a writer can instead keep one partial
 * tally per chunk (or partition), store that partial's snapshot, and merge all partials when the
 * step ends; merging gives the same summary as one tally over everything.
 *
 * <p>Not thread-safe: one tally per partition, combined with {@link #merge(ClosureTally)}.
 */
public final class ClosureTally {

    private final ClosureScope scope;
    private final Map<Long, ClosureOrder> orders = new LinkedHashMap<>();
    private final Map<Long, ClosureDocument> documents = new LinkedHashMap<>();
    private final Map<MethodKey, Running> byMethod = new TreeMap<>();
    private final Money zero;
    private int orderCount;
    private int cancelledOrderCount;
    private int invoiceCount;
    private int creditNoteCount;
    private Money invoicedTotal;
    private Money creditedTotal;

    public ClosureTally(ClosureScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.zero = Money.zero(scope.currency());
        this.invoicedTotal = zero;
        this.creditedTotal = zero;
    }

    public static ClosureTally restore(Snapshot snapshot) {
        ClosureTally tally = new ClosureTally(snapshot.scope());
        snapshot.orders().forEach(tally::add);
        snapshot.documents().forEach(tally::add);
        return tally;
    }

    public ClosureScope scope() {
        return scope;
    }

    /** Adds an order or a document; answers false when the very same record was already there. */
    public boolean add(ClosureInput input) {
        if (input instanceof ClosureOrder order) {
            return add(order);
        }
        return add((ClosureDocument) input);
    }

    /** Adds a chunk as a batch writer receives it; answers how many items were new or changed. */
    public int addAll(Collection<? extends ClosureInput> chunk) {
        int changed = 0;
        for (ClosureInput input : chunk) {
            if (add(input)) {
                changed++;
            }
        }
        return changed;
    }

    public boolean add(ClosureOrder order) {
        checkBelongs(order);
        ClosureOrder previous = orders.put(order.id(), order);
        if (order.equals(previous)) {
            return false;
        }
        if (previous != null) {
            count(previous, -1);
        }
        count(order, +1);
        return true;
    }

    public boolean add(ClosureDocument document) {
        checkBelongs(document);
        ClosureDocument previous = documents.put(document.id(), document);
        if (document.equals(previous)) {
            return false;
        }
        if (previous != null) {
            count(previous, -1);
        }
        count(document, +1);
        return true;
    }

    /**
     * Folds in a tally of another partition of the same day. Records present in both must be
     * identical: two partitions holding different versions of one order means the split was wrong.
     */
    public ClosureTally merge(ClosureTally other) {
        if (!scope.equals(other.scope)) {
            throw new IllegalArgumentException("Cannot merge the tally of " + other.scope + " into " + scope);
        }
        other.orders.forEach((id, o) -> refuseConflict("Order " + o.number(), orders.get(id), o));
        other.documents.forEach((id, d) -> refuseConflict("Document " + d.seriesNumber(), documents.get(id), d));
        other.orders.values().forEach(this::add);
        other.documents.values().forEach(this::add);
        return this;
    }

    /**
     * Folds in a stored partial tally: the same as {@code merge(restore(snapshot))}, in one pass over its
     * records instead of two (the closure job folds 100,000 orders' partials at the day's end).
     */
    public ClosureTally absorb(Snapshot snapshot) {
        if (!scope.equals(snapshot.scope())) {
            throw new IllegalArgumentException("Cannot merge the tally of " + snapshot.scope() + " into " + scope);
        }
        for (ClosureOrder o : snapshot.orders()) {
            refuseConflict("Order " + o.number(), orders.get(o.id()), o);
            add(o);
        }
        for (ClosureDocument d : snapshot.documents()) {
            refuseConflict("Document " + d.seriesNumber(), documents.get(d.id()), d);
            add(d);
        }
        return this;
    }

    /** Everything needed to rebuild this tally after a restart; the running totals are recomputed on restore. */
    public Snapshot snapshot() {
        return new Snapshot(scope, List.copyOf(orders.values()), List.copyOf(documents.values()));
    }

    public ClosureSummary summary() {
        LocalDate day = scope.businessDate();
        Map<Long, List<ClosureDocument>> salesByOrder = new HashMap<>();
        Map<Long, List<ClosureDocument>> creditsByOrder = new HashMap<>();
        Map<DiscrepancyKey, Discrepancy> found = new TreeMap<>();
        for (ClosureDocument d : documents.values()) {
            if (d.orderId() == null || !orders.containsKey(d.orderId())) {
                put(found, d.missingOrder(scope));
            } else {
                (d.isCreditNote() ? creditsByOrder : salesByOrder).computeIfAbsent(d.orderId(), k -> new ArrayList<>())
                        .add(d);
            }
        }
        for (ClosureOrder o : orders.values()) {
            o.billingDiscrepancies(day, sorted(salesByOrder.get(o.id())), sorted(creditsByOrder.get(o.id())))
                    .forEach(x -> put(found, x));
            o.paymentDiscrepancies(day).forEach(x -> put(found, x));
        }
        List<MethodTotal> methods = new ArrayList<>();
        byMethod.forEach((k, r) -> methods.add(new MethodTotal(k.kind(), k.code(), r.amount, r.payments)));
        return new ClosureSummary(scope, orderCount, cancelledOrderCount, invoiceCount, creditNoteCount,
                invoicedTotal, creditedTotal, methods, new ArrayList<>(found.values()));
    }

    /** Several documents of one order are listed by id so the sentence does not depend on read order. */
    private static List<ClosureDocument> sorted(List<ClosureDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        documents.sort(Comparator.comparingLong(ClosureDocument::id));
        return documents;
    }

    public int distinctOrders() {
        return orders.size();
    }

    public int distinctDocuments() {
        return documents.size();
    }

    private static void put(Map<DiscrepancyKey, Discrepancy> found, Discrepancy d) {
        if (found.putIfAbsent(d.key(), d) != null) {
            throw new IllegalStateException("Two discrepancies share the key " + d.key());
        }
    }

    /**
     * Money of the day: payments taken on it (cash net of change) and refunds paid on it, for orders
     * of any age. Activity: orders registered on it (live at its end), orders cancelled on it.
     */
    private void count(ClosureOrder order, int sign) {
        LocalDate day = scope.businessDate();
        if (order.registeredIn(day) && !order.cancelledBy(day)) {
            orderCount += sign;
        }
        if (day.equals(order.cancelledOn())) {
            cancelledOrderCount += sign;
        }
        for (ClosurePayment p : order.payments()) {
            if (p.paidOn().equals(day)) {
                move(new MethodKey(p.kind(), p.methodCode()), sign > 0 ? p.expectedAmount() : p.expectedAmount().negate(),
                        sign);
            }
        }
        for (ClosureRefund r : order.refunds()) {
            if (r.refundedOn().equals(day)) {
                move(new MethodKey(r.kind(), r.methodCode()), sign > 0 ? r.amount().negate() : r.amount(), sign);
            }
        }
    }

    /** Adds a signed amount to a method; {@code sign} adds or takes back one movement (payment or refund). */
    private void move(MethodKey key, Money signed, int sign) {
        Running r = byMethod.computeIfAbsent(key, k -> new Running(zero));
        r.amount = r.amount.plus(signed);
        r.payments += sign;
        if (r.payments == 0) {
            byMethod.remove(key);
        }
    }

    private void count(ClosureDocument document, int sign) {
        Money signed = sign > 0 ? document.total() : document.total().negate();
        if (document.isCreditNote()) {
            creditNoteCount += sign;
            creditedTotal = creditedTotal.plus(signed);
        } else {
            invoiceCount += sign;
            invoicedTotal = invoicedTotal.plus(signed);
        }
    }

    private void checkBelongs(ClosureOrder order) {
        if (!belongs(scope, order)) {
            throw new IllegalArgumentException("Order " + order.number() + " of " + order.location() + " registered on "
                    + order.registeredOn() + " cannot move money in the closure of " + scope);
        }
        checkCurrency("Order " + order.number(), order.total());
        order.payments().forEach(p -> {
            checkCurrency("Payment " + p.id() + " of order " + order.number(), p.amountApplied());
            if (p.paidOn().isBefore(order.registeredOn())) {
                throw new IllegalArgumentException("Payment " + p.id() + " of order " + order.number()
                        + " is dated before the order was registered");
            }
            if (p.cashTendered() != null) {
                checkCurrency("Payment " + p.id() + " of order " + order.number(), p.cashTendered());
                checkCurrency("Payment " + p.id() + " of order " + order.number(), p.changeGiven());
            }
        });
        order.refunds().forEach(r -> checkCurrency("Refund " + r.id() + " of order " + order.number(), r.amount()));
    }

    /** An order of the location registered on the day or before it (it may move money on any later day). */
    static boolean belongs(ClosureScope scope, ClosureOrder order) {
        return scope.location().equals(order.location()) && !order.registeredOn().isAfter(scope.businessDate());
    }

    private void checkBelongs(ClosureDocument document) {
        if (!scope.covers(document.location(), document.businessDate())) {
            throw new IllegalArgumentException(document.type().label() + " " + document.seriesNumber() + " belongs to "
                    + document.location() + " on " + document.businessDate() + ", not to the closure of " + scope);
        }
        checkCurrency(document.type().label() + " " + document.seriesNumber(), document.total());
    }

    private void checkCurrency(String what, Money amount) {
        if (!amount.currency().equals(scope.currency())) {
            throw new IllegalArgumentException(what + " is in " + amount.currency() + "; the closure of " + scope
                    + " is kept in " + scope.currency());
        }
    }

    private static <T> void refuseConflict(String what, T mine, T theirs) {
        if (mine != null && !mine.equals(theirs)) {
            throw new IllegalStateException(what + " differs between the two partial tallies; partitions must not overlap");
        }
    }

    /**
     * The checkpoint form of a tally. In memory it is plain records; serialised (Java serialisation,
     * or {@link #toBytes()} for a bytea column) it takes a compact binary form, because the default
     * form of 100,000 records is far too slow and large for a checkpoint.
     */
    public record Snapshot(ClosureScope scope, List<ClosureOrder> orders, List<ClosureDocument> documents)
            implements Serializable {

        public Snapshot {
            Objects.requireNonNull(scope, "scope");
            orders = List.copyOf(orders);
            documents = List.copyOf(documents);
            for (ClosureOrder o : orders) {
                if (!belongs(scope, o)) {
                    throw new IllegalArgumentException("Order " + o.number() + " is not of " + scope);
                }
            }
            for (ClosureDocument d : documents) {
                if (!scope.covers(d.location(), d.businessDate())) {
                    throw new IllegalArgumentException("Document " + d.seriesNumber() + " is not of " + scope);
                }
            }
        }

        public byte[] toBytes() {
            return TallySnapshotCodec.encode(this);
        }

        public static Snapshot fromBytes(byte[] bytes) {
            return TallySnapshotCodec.decode(bytes);
        }

        private Object writeReplace() {
            return new SerialForm(toBytes());
        }
    }

    /** What Java serialisation actually writes for a {@link Snapshot}: its compact bytes. */
    private static final class SerialForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        SerialForm(byte[] bytes) {
            this.bytes = bytes;
        }

        private Object readResolve() {
            return Snapshot.fromBytes(bytes);
        }
    }

    private record MethodKey(PaymentKind kind, String code) implements Comparable<MethodKey> {
        @Override
        public int compareTo(MethodKey other) {
            int byKind = kind.compareTo(other.kind);
            return byKind != 0 ? byKind : code.compareTo(other.code);
        }
    }

    private static final class Running {
        private Money amount;
        private int payments;

        private Running(Money zero) {
            this.amount = zero;
        }
    }
}
