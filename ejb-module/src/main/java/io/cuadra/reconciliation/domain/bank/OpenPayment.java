package io.cuadra.reconciliation.domain.bank;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A transfer, card or wallet payment waiting to be found on the bank statement. */
public record OpenPayment(long paymentId, long orderId, String orderNumber, PaymentKind kind, LocalDate date,
                          Money amount, String reference, String customerName, boolean matched)
        implements Serializable {

    public OpenPayment {
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }

    boolean isOfferable() {
        return !matched && kind.settlesThroughBank() && amount.amount().signum() > 0;
    }
}
