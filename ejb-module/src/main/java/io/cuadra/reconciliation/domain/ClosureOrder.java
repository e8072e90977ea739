package io.cuadra.reconciliation.domain;

import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** A sales order of the day with the payments applied to it, as a closure step reads it. */
public record ClosureOrder(long id, String number, String location, LocalDate businessDate, OrderStatus status,
                           Money total, PaymentStatus paymentStatus, List<ClosurePayment> payments)
        implements ClosureInput {

    public ClosureOrder {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(businessDate, "businessDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paymentStatus, "paymentStatus");
        payments = List.copyOf(payments);
    }

    public boolean isCancelled() {
        return status == OrderStatus.CANCELLED;
    }

    /** A live order that the customer has fully paid: it must be invoiced and its payments must cover it. */
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

    /** The PAYMENT_MISMATCH findings that can be judged from the order alone. */
    List<Discrepancy> paymentDiscrepancies() {
        if (isCancelled()) {
            return List.of();
        }
        List<Discrepancy> found = new ArrayList<>();
        Money paid = paymentsTotal();
        if (isPaid() && paid.compareTo(total) != 0) {
            Money gap = paid.minus(total);
            found.add(new Discrepancy(
                    new DiscrepancyKey(DiscrepancyType.PAYMENT_MISMATCH, DiscrepancyKey.Subject.ORDER, id),
                    id, number, List.of(), total, paid,
                    "Order " + number + " is marked paid for " + total + " but its payments add up to " + paid
                            + " (" + gap.amount().abs().toPlainString() + (gap.isNegative() ? " short)." : " over).")));
        }
        for (ClosurePayment p : payments) {
            if (p.lacksRequiredReference()) {
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
     * MISSING_INVOICE and AMOUNT_MISMATCH, judged against the invoices and receipts that point at this
     * order (credit notes do not bill it). A cancelled order needs neither.
     */
    List<Discrepancy> billingDiscrepancies(List<ClosureDocument> salesDocuments) {
        if (isCancelled()) {
            return List.of();
        }
        Money zero = Money.zero(total.currency());
        if (salesDocuments.isEmpty()) {
            if (!isPaid()) {
                return List.of();
            }
            return List.of(new Discrepancy(
                    new DiscrepancyKey(DiscrepancyType.MISSING_INVOICE, DiscrepancyKey.Subject.ORDER, id),
                    id, number, List.of(), total, zero,
                    "Order " + number + " is paid (" + total + ") but has no invoice or receipt."));
        }
        Money billed = zero;
        List<DocumentRef> refs = new ArrayList<>();
        for (ClosureDocument d : salesDocuments) {
            billed = billed.plus(d.total());
            refs.add(d.ref());
        }
        if (billed.compareTo(total) == 0) {
            return List.of();
        }
        String documents = refs.stream().map(DocumentRef::seriesNumber).collect(Collectors.joining(", "));
        Money gap = billed.minus(total);
        return List.of(new Discrepancy(
                new DiscrepancyKey(DiscrepancyType.AMOUNT_MISMATCH, DiscrepancyKey.Subject.ORDER, id),
                id, number, refs, total, billed,
                "Order " + number + " totals " + total + " but " + documents + (refs.size() == 1 ? " totals " : " total ")
                        + billed + " (" + gap.amount().abs().toPlainString() + (gap.isNegative() ? " less)." : " more).")));
    }

    private static String capitalised(PaymentKind kind) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
