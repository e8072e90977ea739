package io.cuadra.purchasing.domain;

import io.cuadra.shared.domain.RuleViolation;

import java.math.BigDecimal;

/**
 * A line as a buyer writes it: a product, a quantity (three decimals at most), a unit cost (six at
 * most, as lots keep it) and the tax percent of the product's rate at that moment.
 */
public record PurchaseLineDraft(long itemId, BigDecimal quantity, BigDecimal unitCost, BigDecimal taxPercent) {

    public PurchaseLineDraft {
        if (quantity == null || quantity.signum() <= 0) {
            throw new RuleViolation("lines.quantity: a quantity above zero is needed.").withKey("purchasing.quantityAboveZero");
        }
        if (quantity.stripTrailingZeros().scale() > 3) {
            throw new RuleViolation("lines.quantity: at most three decimals; got " + quantity.toPlainString() + ".").withKey("purchasing.mostThreeDecimals", quantity.toPlainString());
        }
        if (unitCost == null || unitCost.signum() < 0) {
            throw new RuleViolation("lines.unitCost: zero or more.").withKey("purchasing.zeroMore");
        }
        if (unitCost.stripTrailingZeros().scale() > 6) {
            throw new RuleViolation("lines.unitCost: at most six decimals; got " + unitCost.toPlainString() + ".").withKey("purchasing.mostSixDecimals", unitCost.toPlainString());
        }
        quantity = quantity.setScale(3);
        unitCost = unitCost.setScale(6);
        taxPercent = taxPercent.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
