package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * All of a tenant's card fee rules. At most one rule is in force on any day for a provider and
 * currency, so the fee of a payment never depends on which rule happens to be read first.
 */
public record CardFeeSchedule(List<CardFeeRule> rules) {

    public CardFeeSchedule {
        rules = List.copyOf(rules);
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (rules.get(i).overlaps(rules.get(j))) {
                    throw new OrderRuleViolation("The card fee rules " + rules.get(i) + " and " + rules.get(j)
                            + " overlap; close the older one the day before the newer one starts").withKey("orders.cardFeeRules", rules.get(i), rules.get(j));
                }
            }
        }
    }

    public CardFeeRule ruleFor(String provider, Currency currency, LocalDate date) {
        return rules.stream()
                .filter(rule -> rule.appliesTo(provider, currency, date))
                .findFirst()
                .orElseThrow(() -> new OrderRuleViolation("No card fee rule for " + provider + " in " + currency
                        + " is in force on " + date + "; add one before taking card payments").withKey("orders.cardFeeRule2", provider, currency, date));
    }

    public CardFee feeFor(String provider, Money amount, LocalDate date) {
        return ruleFor(provider, amount.currency(), date).feeOn(amount);
    }
}
