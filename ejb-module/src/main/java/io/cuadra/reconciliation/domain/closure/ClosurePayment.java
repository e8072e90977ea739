package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment applied to an order. For cash, {@code cashTendered} and {@code changeGiven} say what
 * physically went through the drawer; they are null for other kinds. {@code paidOn} is the business
 * day (the location's zone) the money was taken: the day the payment belongs to, whatever the order's
 * age. Null means "on the day the order was registered"; {@link ClosureOrder} fills it in.
 */
public record ClosurePayment(long id, String methodCode, PaymentKind kind, Money amountApplied,
                             Money cashTendered, Money changeGiven, String reference, LocalDate paidOn)
        implements Serializable {

    public ClosurePayment {
        Objects.requireNonNull(methodCode, "methodCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amountApplied, "amountApplied");
        if ((cashTendered == null) != (changeGiven == null)) {
            throw new IllegalArgumentException("Payment " + id + ": cash tendered and change given go together");
        }
    }

    public static ClosurePayment cash(long id, Money applied, Money tendered, Money change) {
        return new ClosurePayment(id, "CASH", PaymentKind.CASH, applied, tendered, change, null, null);
    }

    public static ClosurePayment of(long id, String methodCode, PaymentKind kind, Money applied, String reference) {
        return new ClosurePayment(id, methodCode, kind, applied, null, null, reference, null);
    }

    /** The same payment, taken on {@code day}. */
    public ClosurePayment on(LocalDate day) {
        return new ClosurePayment(id, methodCode, kind, amountApplied, cashTendered, changeGiven, reference, day);
    }

    /**
     * What this payment leaves in the till or the account. Cash counts what stayed in the drawer
     * (tendered minus change), because that is what the cashier will count at night.
     */
    public Money expectedAmount() {
        if (kind == PaymentKind.CASH && cashTendered != null) {
            return cashTendered.minus(changeGiven);
        }
        return amountApplied;
    }

    public boolean lacksRequiredReference() {
        return kind.requiresReference() && (reference == null || reference.isBlank());
    }
}
