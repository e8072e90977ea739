package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money given back to a customer by one payment method (a cancellation or a return). It leaves the
 * drawer or the account on the business day it was paid out, {@code refundedOn}, whatever day the
 * order or its payments belong to.
 */
public record ClosureRefund(long id, String methodCode, PaymentKind kind, Money amount, LocalDate refundedOn)
        implements Serializable {

    public ClosureRefund {
        Objects.requireNonNull(methodCode, "methodCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedOn, "refundedOn");
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("Refund " + id + " is above zero, not " + amount);
        }
    }
}
