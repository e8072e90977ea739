package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.Objects;

/** What a payment method should show at closing time: the amount expected and how many payments made it. */
public record MethodTotal(PaymentKind kind, String methodCode, Money expected, int paymentCount) implements Serializable {

    public MethodTotal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(methodCode, "methodCode");
        Objects.requireNonNull(expected, "expected");
    }
}
