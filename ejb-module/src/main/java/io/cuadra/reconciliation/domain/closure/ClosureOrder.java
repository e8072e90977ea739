package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sales order as a closure step reads it for one day: every payment and refund it ever had, each
 * dated by the business day it moved, when it was registered and cancelled, and what was billed for
 * it before the day. Money belongs to the day it moved, so one order may bring money into several
 * days (instalments, a refund after a return); the rules here judge the order "as at the end of" a
 * given day, so a later instalment or cancellation never changes what an earlier day should show.
 *
 * @param registeredOn the business day the order was registered (activity of that day)
 * @param cancelledOn  the business day it was cancelled, null while it is not
 * @param billedBefore its invoices, receipts and credit notes issued before the day being read
 */
public record ClosureOrder(long id, String number, String location, LocalDate registeredOn, OrderStatus status,
                           Money total, PaymentStatus paymentStatus, List<ClosurePayment> payments,
                           List<ClosureRefund> refunds, LocalDate cancelledOn, EarlierBilling billedBefore)
        implements ClosureInput {

    public ClosureOrder {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paymentStatus, "paymentStatus");
        LocalDate registered = registeredOn;
        payments = payments.stream().map(p -> p.paidOn() == null ? p.on(registered) : p).toList();
        refunds = List.copyOf(refunds);
        if (status == OrderStatus.CANCELLED && cancelledOn == null) {
            cancelledOn = registeredOn;
        }
        if (billedBefore == null) {
            billedBefore = EarlierBilling.none(total.currency());
        }
    }

    /** An order whose whole life (payments, cancellation) fell on the day it was registered. */
    public ClosureOrder(long id, String number, String location, LocalDate registeredOn, OrderStatus status,
                        Money total, PaymentStatus paymentStatus, List<ClosurePayment> payments) {
        this(id, number, location, registeredOn, status, total, paymentStatus, payments, List.of(), null, null);
    }

    /** What was billed for an order before the day read: sales documents (count and sum) and credit notes (sum). */
    public record EarlierBilling(int salesDocuments, Money invoiced, Money credited) implements Serializable {

        public EarlierBilling {
            Objects.requireNonNull(invoiced, "invoiced");
            Objects.requireNonNull(credited, "credited");
        }

        public static EarlierBilling none(java.util.Currency currency) {
            return new EarlierBilling(0, Money.zero(currency), Money.zero(currency));
        }

        boolean isEmpty() {
            return salesDocuments == 0 && invoiced.isZero() && credited.isZero();
        }
    }

    public boolean isCancelled() {
        return status == OrderStatus.CANCELLED;
    }

    public boolean registeredIn(LocalDate day) {
        return registeredOn.equals(day);
    }

    public boolean cancelledBy(LocalDate day) {
        return cancelledOn != null && !cancelledOn.isAfter(day);
    }

    /**
     * The day the order became fully paid: the day of its last payment (payments never go beyond the
     * total, so the last one completed it), or its registration day when nothing was due. Null while
     * it is not paid.
     */
    public LocalDate paidOn() {
        if (paymentStatus != PaymentStatus.PAID) {
            return null;
        }
        LocalDate last = registeredOn;
        for (ClosurePayment p : payments) {
            if (p.paidOn().isAfter(last)) {
                last = p.paidOn();
            }
        }
        return last;
    }

    /** A live order that the customer had fully paid by the end of {@code day}: it must be invoiced by then. */
    public boolean paidBy(LocalDate day) {
        LocalDate paid = paidOn();
        return paid != null && !paid.isAfter(day) && !cancelledBy(day);
    }

    /** A live order the customer has fully paid. */
    public boolean isPaid() {
        return !isCancelled() && paymentStatus == PaymentStatus.PAID;
    }

    public Money paymentsTotal() {
        Money sum = Money.zero(total.currency());
        for (ClosurePayment p : payments) {
            sum = sum.plus(p.amountApplied());
        }
        return sum;
    }

    /** What was given back by the end of {@code day}. */
    public Money refundedBy(LocalDate day) {
        Money sum = Money.zero(total.currency());
        for (ClosureRefund r : refunds) {
            if (!r.refundedOn().isAfter(day)) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }

    /**
     * Whether something that bills or un-bills the order happened on {@code day}: it became paid, was
     * cancelled or refunded. Its documents are judged on those days (and on the days they are issued),
     * so a finding belongs to one day and is not repeated on every later day the order is touched.
     */
    boolean billingMovedIn(LocalDate day) {
        return day.equals(paidOn()) || day.equals(cancelledOn)
                || refunds.stream().anyMatch(r -> r.refundedOn().equals(day));
    }

    /**
     * The PAYMENT_MISMATCH findings of {@code day} that can be judged from the order alone: a payment
     * taken that day without its operation reference (money came in, cancelled or not), and a live
     * order marked paid that day whose payments do not add up to its total.
     */
    List<Discrepancy> paymentDiscrepancies(LocalDate day) {
        List<Discrepancy> found = new ArrayList<>();
        Money paid = paymentsTotal();
        if (!cancelledBy(day) && day.equals(paidOn()) && paid.compareTo(total) != 0) {
            Money gap = paid.minus(total);
            found.add(new Discrepancy(
                    new DiscrepancyKey(DiscrepancyType.PAYMENT_MISMATCH, DiscrepancyKey.Subject.ORDER, id),
                    id, number, List.of(), total, paid,
                    "Order " + number + " is marked paid for " + total + " but its payments add up to " + paid
                            + " (" + gap.amount().abs().toPlainString() + (gap.isNegative() ? " short)." : " over).")));
        }
        for (ClosurePayment p : payments) {
            if (p.paidOn().equals(day) && p.lacksRequiredReference()) {
                found.add(new Discrepancy(
                        new DiscrepancyKey(DiscrepancyType.PAYMENT_MISMATCH, DiscrepancyKey.Subject.PAYMENT, p.id()),
                        id, number, List.of(), p.amountApplied(), p.amountApplied(),
                        capitalised(p.kind()) + " payment " + p.id() + " (" + p.methodCode() + ", " + p.amountApplied()
                                + ") of order " + number + " has no operation reference."));
            }
        }
        return found;
    }

    /**
     * MISSING_INVOICE and AMOUNT_MISMATCH of {@code day}, judged on the days the order's billing moved
     * (see {@link #billingMovedIn}) or it had documents issued, as at the end of that day: what it was
     * billed net of credit notes (earlier days and this one) against what stays due, the total less what
     * was refunded, or nothing once cancelled. A credit note for an earlier day's invoice, a payment and
     * a cancellation on one day, or a late instalment therefore square.
     */
    List<Discrepancy> billingDiscrepancies(LocalDate day, List<ClosureDocument> salesToday,
                                           List<ClosureDocument> creditsToday) {
        if (salesToday.isEmpty() && creditsToday.isEmpty() && !billingMovedIn(day)) {
            return List.of();
        }
        Money zero = Money.zero(total.currency());
        if (salesToday.isEmpty() && creditsToday.isEmpty() && billedBefore.isEmpty()) {
            if (!paidBy(day)) {
                return List.of();
            }
            return List.of(new Discrepancy(
                    new DiscrepancyKey(DiscrepancyType.MISSING_INVOICE, DiscrepancyKey.Subject.ORDER, id),
                    id, number, List.of(), total, zero,
                    "Order " + number + " is paid (" + total + ") but has no invoice or receipt."));
        }
        Money billed = billedBefore.invoiced().minus(billedBefore.credited());
        List<DocumentRef> refs = new ArrayList<>();
        for (ClosureDocument d : salesToday) {
            billed = billed.plus(d.total());
            refs.add(d.ref());
        }
        for (ClosureDocument d : creditsToday) {
            billed = billed.minus(d.total());
            refs.add(d.ref());
        }
        Money refunded = refundedBy(day);
        Money due = cancelledBy(day) ? zero : total.minus(refunded);
        if (billed.compareTo(due) == 0) {
            return List.of();
        }
        Money gap = billed.minus(due);
        String difference = " (" + gap.amount().abs().toPlainString() + (gap.isNegative() ? " less)." : " more).");
        String documents = refs.stream().map(DocumentRef::seriesNumber).collect(Collectors.joining(", "));
        String sentence;
        if (creditsToday.isEmpty() && billedBefore.isEmpty() && refunded.isZero() && !cancelledBy(day)) {
            sentence = "Order " + number + " totals " + total + " but " + documents
                    + (refs.size() == 1 ? " totals " : " total ") + billed + difference;
        } else {
            String owed = cancelledBy(day) ? "nothing, being cancelled"
                    : due + (refunded.isZero() ? "" : " (" + total + " less " + refunded + " refunded)");
            sentence = "Order " + number + " is billed " + billed + " net of credit notes"
                    + (documents.isEmpty() ? "" : " (" + documents + " this day)") + " but owes " + owed + difference;
        }
        return List.of(new Discrepancy(
                new DiscrepancyKey(DiscrepancyType.AMOUNT_MISMATCH, DiscrepancyKey.Subject.ORDER, id),
                id, number, refs, due, billed, sentence));
    }

    private static String capitalised(PaymentKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
