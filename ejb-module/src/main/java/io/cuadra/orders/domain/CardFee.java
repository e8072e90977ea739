package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The fee a card provider keeps on one payment, snapshotted with the rule's terms at the time, so a
 * later change of the provider's rates does not rewrite past payments.
 *
 * @param net what the business receives: the payment minus the fee (negative if a fixed fee is larger
 *            than a tiny payment, which the provider charges all the same)
 */
public record CardFee(String provider, BigDecimal percent, Money fixed, Money fee, Money net) {

    public CardFee {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(net, "net");
        if (fee.isNegative()) {
            throw new IllegalArgumentException("A card fee cannot be negative: " + fee);
        }
    }

    /** The payment the fee was taken on. */
    public Money amount() {
        return fee.plus(net);
    }
}
