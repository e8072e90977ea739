package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One payment against an order. {@code applied} is what counts towards the order; with cash the
 * customer may hand over more ({@code tendered}) and gets the difference back ({@code change}).
 * Build payments through {@link OrderPayments}, which knows the balance they are applied to.
 *
 * @param cardFee the provider's fee snapshotted at payment time; present for card payments only
 */
public record Payment(PaymentMethod method, Money applied, Money tendered, Money change, LocalDate paidOn,
                      CardFee cardFee) {

    public Payment {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(tendered, "tendered");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(paidOn, "paidOn");
        if (applied.amount().signum() <= 0) {
            throw new IllegalArgumentException("A payment applies an amount above zero, not " + applied);
        }
        if (!tendered.minus(applied).equals(change) || change.isNegative()) {
            throw new IllegalArgumentException("Change is what was tendered minus what was applied");
        }
        if (method != PaymentMethod.CASH && !change.isZero()) {
            throw new IllegalArgumentException("Only cash gives change; a " + method.label() + " payment is for the exact amount");
        }
        if ((method == PaymentMethod.CARD) != (cardFee != null)) {
            throw new IllegalArgumentException("A card payment records its fee, and only a card payment does");
        }
        if (cardFee != null && !cardFee.amount().equals(applied)) {
            throw new IllegalArgumentException("The card fee was taken on " + cardFee.amount() + ", not on " + applied);
        }
    }
}
