package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A card provider's terms for one currency over a period: a percent of the payment plus a fixed amount.
 *
 * @param effectiveFrom first day the terms apply
 * @param effectiveTo   last day they apply (inclusive), or null while they have no end
 */
public record CardFeeRule(String provider, BigDecimal percent, Money fixed, LocalDate effectiveFrom,
                          LocalDate effectiveTo) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CardFeeRule {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("A card fee rule names its provider");
        }
        provider = provider.strip();
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("A card fee percent is at least 0 and below 100, not " + percent);
        }
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("A fixed card fee cannot be negative: " + fixed);
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("The " + provider + " fee rule ends on " + effectiveTo
                    + ", before it starts on " + effectiveFrom);
        }
    }

    /** The currency of the payments the rule applies to, carried by its fixed amount. */
    public Currency currency() {
        return fixed.currency();
    }

    public boolean appliesTo(String provider, Currency currency, LocalDate date) {
        return this.provider.equals(provider) && currency().equals(currency) && !date.isBefore(effectiveFrom)
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Two rules would both be in force on some day for the same provider and currency. */
    public boolean overlaps(CardFeeRule other) {
        return provider.equals(other.provider) && currency().equals(other.currency())
                && (effectiveTo == null || !other.effectiveFrom.isAfter(effectiveTo))
                && (other.effectiveTo == null || !effectiveFrom.isAfter(other.effectiveTo));
    }

    /** fee = amount x percent / 100 + fixed, rounded HALF_UP to the cent once; net = amount - fee. */
    public CardFee feeOn(Money amount) {
        if (!amount.currency().equals(currency())) {
            throw new IllegalArgumentException("The " + provider + " fee rule is for " + currency() + ", not "
                    + amount.currency());
        }
        Money fee = Money.of(amount.amount().multiply(percent).movePointLeft(2).add(fixed.amount()), currency());
        return new CardFee(provider, percent, fixed, fee, amount.minus(fee));
    }

    @Override
    public String toString() {
        return provider + " " + currency() + " from " + effectiveFrom + (effectiveTo == null ? "" : " to " + effectiveTo);
    }
}
