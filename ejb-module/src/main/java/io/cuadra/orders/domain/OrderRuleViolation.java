package io.cuadra.orders.domain;

import io.cuadra.shared.domain.RuleViolation;

/**
 * A business rule of the counter refused what was asked (a discount deeper than what it applies to,
 * a card payment above the balance, no card fee rule in force...). The message is written for the
 * person at the counter, so it can be shown as is.
 */
public class OrderRuleViolation extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public OrderRuleViolation(String message) {
        super(message);
    }
}
