package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** A card provider's terms kept as the tenant's data; its rules are those of {@link CardFeeRule}. */
@Entity
@Table(name = "card_fee_rules")
public class TenantCardFeeRule extends TenantEntity {

    @Column(nullable = false)
    private String provider;
    @Column(nullable = false)
    private BigDecimal percent;
    @Column(name = "fixed_amount", nullable = false)
    private BigDecimal fixedAmount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;
    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    protected TenantCardFeeRule() {
    }

    public TenantCardFeeRule(CardFeeRule rule) {
        use(rule);
    }

    public void use(CardFeeRule rule) {
        provider = rule.provider();
        percent = rule.percent().setScale(2, Money.ROUNDING);
        fixedAmount = rule.fixed().amount();
        currency = rule.currency().getCurrencyCode();
        effectiveFrom = rule.effectiveFrom();
        effectiveTo = rule.effectiveTo();
    }

    /** The rule value; refuses (422) terms the rule would not accept. */
    public static CardFeeRule rule(String provider, BigDecimal percent, BigDecimal fixed, String currency,
                                   LocalDate from, LocalDate to) {
        if (percent != null && percent.stripTrailingZeros().scale() > 2) {
            throw new OrderRuleViolation("percent: a card fee percent has at most two decimals, not " + percent + ".").withKey("orders.cardFeePercent", percent);
        }
        try {
            return new CardFeeRule(provider, percent, Money.of(fixed, Currency.getInstance(currency)), from, to);
        } catch (IllegalArgumentException e) {
            throw new OrderRuleViolation(e.getMessage()).withKey("orders.cardFeeRuleInvalid");
        }
    }

    public CardFeeRule toRule() {
        return new CardFeeRule(provider, percent, Money.of(fixedAmount, Currency.getInstance(currency)),
                effectiveFrom, effectiveTo);
    }

    public String getProvider() {
        return provider;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public BigDecimal getFixedAmount() {
        return fixedAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }
}
