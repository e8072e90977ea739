package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of a SUNAT document. The line extension amount is the value without tax after discounts
 * (quantity x unit value - discount); the unit price includes the tax, after discounts, and is what the
 * customer pays per unit. {@code discount} is the value without tax taken off the line (the line's own
 * discounts plus its share of the order's): SUNAT's line allowance, catalog 53 code 00, which lowers the
 * taxable base.
 *
 * <p>Line amounts are checked with a tolerance of one cent: the unit value is itself a rounded quotient
 * (price / 1.18), so quantity x unit value can land half a cent away from the stored amount. Document
 * totals, on the other hand, must equal the sums of the lines exactly.
 */
public record DocumentLine(String code, String description, String unitCode, BigDecimal quantity,
                           BigDecimal unitValue, BigDecimal unitPrice, Money lineExtensionAmount,
                           IgvAffectation affectation, BigDecimal taxPercent, Money taxAmount, Money discount) {

    /** SUNAT accepts up to 10 decimals in quantities and unit prices. */
    public static final int UNIT_SCALE = 10;
    public static final String UNIT_NIU = "NIU";
    public static final String UNIT_SERVICE = "ZZ";

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9]{1,3}");

    public DocumentLine {
        code = Texts.optional(code, "Product code", 30);
        description = Texts.required(description, "Line description", 500);
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            throw new IllegalArgumentException(description + ": the unit of measure is a catalog 03 code such as NIU"
                    + " or ZZ; got \"" + unitCode + "\".");
        }
        Objects.requireNonNull(affectation, "IGV affectation");
        quantity = positiveDecimal(quantity, description, "quantity");
        unitValue = nonNegativeDecimal(unitValue, description, "unit value");
        unitPrice = nonNegativeDecimal(unitPrice, description, "unit price");
        taxPercent = plain(nonNegativeDecimal(taxPercent, description, "tax percent"));
        Objects.requireNonNull(lineExtensionAmount, "line extension amount");
        Objects.requireNonNull(taxAmount, "line tax");
        if (discount == null) {
            discount = Money.zero(lineExtensionAmount.currency());
        }
        if (!lineExtensionAmount.currency().equals(taxAmount.currency())
                || !lineExtensionAmount.currency().equals(discount.currency())) {
            throw new IllegalArgumentException(description + ": value, tax and discount are in different currencies.");
        }
        if (discount.isNegative()) {
            throw new IllegalArgumentException(description + ": a discount cannot be negative.");
        }
        // Amounts are rounded to the currency's minor unit (the cent; the whole Chilean peso): so is the tolerance.
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Money.digits(lineExtensionAmount.currency()));
        checkConsistency(description, quantity, unitValue, unitPrice, lineExtensionAmount.amount(), affectation,
                taxPercent, taxAmount.amount(), discount.amount(), unit);
    }

    /** A line without discount. */
    public DocumentLine(String code, String description, String unitCode, BigDecimal quantity, BigDecimal unitValue,
                        BigDecimal unitPrice, Money lineExtensionAmount, IgvAffectation affectation,
                        BigDecimal taxPercent, Money taxAmount) {
        this(code, description, unitCode, quantity, unitValue, unitPrice, lineExtensionAmount, affectation,
                taxPercent, taxAmount, null);
    }

    /** A taxed line (catalog 07 code 10) priced with the tax included, as at the counter. */
    public static DocumentLine taxed(String code, String description, String unitCode, BigDecimal quantity,
                                     BigDecimal unitPriceWithTax, BigDecimal igvPercent, Currency currency) {
        Objects.requireNonNull(igvPercent, "IGV percent");
        BigDecimal factor = BigDecimal.ONE.add(igvPercent.divide(HUNDRED));
        // The customer pays quantity x price; value and tax are split out of that total so they add up to it.
        Money total = Money.of(quantity.multiply(unitPriceWithTax), currency);
        Money value = Money.of(total.amount().divide(factor, Money.SCALE, RoundingMode.HALF_UP), currency);
        Money tax = total.minus(value);
        BigDecimal unitValue = unitPriceWithTax.divide(factor, UNIT_SCALE, RoundingMode.HALF_UP);
        return new DocumentLine(code, description, unitCode, quantity, unitValue, unitPriceWithTax, value,
                IgvAffectation.TAXED, igvPercent, tax);
    }

    /**
     * A taxed line priced with the tax included, of which {@code discountWithTax} is taken off (as the
     * counter grants it). The customer pays quantity x price - discount; value and tax are split out of
     * that, and the discount without tax is what separates the undiscounted value from the value.
     */
    public static DocumentLine taxedWithDiscount(String code, String description, String unitCode,
                                                 BigDecimal quantity, BigDecimal unitPriceWithTax,
                                                 BigDecimal igvPercent, Money discountWithTax) {
        Currency currency = discountWithTax.currency();
        BigDecimal factor = BigDecimal.ONE.add(igvPercent.divide(HUNDRED));
        Money total = Money.of(quantity.multiply(unitPriceWithTax), currency).minus(discountWithTax);
        Money value = Money.of(total.amount().divide(factor, Money.SCALE, RoundingMode.HALF_UP), currency);
        Money tax = total.minus(value);
        BigDecimal unitValue = unitPriceWithTax.divide(factor, UNIT_SCALE, RoundingMode.HALF_UP);
        Money discount = Money.of(quantity.multiply(unitValue), currency).minus(value);
        BigDecimal unitPrice = total.amount().divide(quantity, UNIT_SCALE, RoundingMode.HALF_UP);
        return new DocumentLine(code, description, unitCode, quantity, unitValue, unitPrice, value,
                IgvAffectation.TAXED, igvPercent, tax, discount);
    }

    /** An exonerated (20) or unaffected (30) line: no tax, so value and price coincide. */
    public static DocumentLine untaxed(String code, String description, String unitCode, BigDecimal quantity,
                                       BigDecimal unitPrice, IgvAffectation affectation, Currency currency) {
        if (affectation.isTaxed()) {
            throw new IllegalArgumentException(description + ": use DocumentLine.taxed for taxed lines.");
        }
        Money value = Money.of(quantity.multiply(unitPrice), currency);
        return new DocumentLine(code, description, unitCode, quantity, unitPrice, unitPrice, value, affectation,
                BigDecimal.ZERO, Money.zero(currency));
    }

    public TaxScheme taxScheme() {
        return affectation.scheme();
    }

    public Currency currency() {
        return lineExtensionAmount.currency();
    }

    public boolean isDiscounted() {
        return discount.amount().signum() > 0;
    }

    /** The value without tax before the discount: quantity x unit value, to the cent (the allowance's base). */
    public Money valueBeforeDiscount() {
        return lineExtensionAmount.plus(discount);
    }

    /** The discount as a fraction of the value before it, to five decimals (MultiplierFactorNumeric). */
    public BigDecimal discountFactor() {
        BigDecimal base = valueBeforeDiscount().amount();
        return base.signum() == 0 ? BigDecimal.ZERO.setScale(5)
                : discount.amount().divide(base, 5, RoundingMode.HALF_UP);
    }

    /** Value plus tax: what this line costs the customer. */
    public Money totalWithTax() {
        return lineExtensionAmount.plus(taxAmount);
    }

    private static void checkConsistency(String line, BigDecimal quantity, BigDecimal unitValue, BigDecimal unitPrice,
                                         BigDecimal value, IgvAffectation affectation, BigDecimal percent,
                                         BigDecimal tax, BigDecimal discount, BigDecimal unit) {
        if (value.signum() < 0 || tax.signum() < 0) {
            throw new IllegalArgumentException(line + ": amounts cannot be negative (a credit note carries positive"
                    + " amounts).");
        }
        BigDecimal expectedValue = quantity.multiply(unitValue);
        if (!withinUnit(value.add(discount), expectedValue, unit)) {
            throw new IllegalArgumentException(line + ": value without tax " + value.toPlainString()
                    + (discount.signum() == 0 ? "" : " plus discount " + discount.toPlainString())
                    + " should be quantity x unit value = " + Money.round(expectedValue).toPlainString() + ".");
        }
        BigDecimal rate = percent.divide(HUNDRED);
        if (affectation.isTaxed()) {
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0) {
                throw new IllegalArgumentException(line + ": a taxed line needs an IGV percent between 0 and 100;"
                        + " got " + percent.toPlainString() + ".");
            }
        } else if (percent.signum() != 0 || tax.signum() != 0) {
            throw new IllegalArgumentException(line + ": an " + affectation.label().toLowerCase()
                    + " line carries no tax (percent 0, tax 0.00).");
        }
        BigDecimal expectedTax = value.multiply(rate);
        if (!withinUnit(tax, expectedTax, unit)) {
            throw new IllegalArgumentException(line + ": tax " + tax.toPlainString() + " should be "
                    + percent.toPlainString() + "% of " + value.toPlainString() + " = "
                    + Money.round(expectedTax).toPlainString() + ".");
        }
        BigDecimal expectedTotal = quantity.multiply(unitPrice);
        if (!withinUnit(value.add(tax), expectedTotal, unit)) {
            throw new IllegalArgumentException(line + ": value plus tax " + value.add(tax).toPlainString()
                    + " should be quantity x unit price with tax = " + Money.round(expectedTotal).toPlainString()
                    + ".");
        }
    }

    /** 18.00 and 18 are the same rate; keep one form so equal lines compare equal. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Within one minor unit of the currency ({@code unit}: 0.01, or 1 for CLP) of the exact figure. */
    private static boolean withinUnit(BigDecimal actual, BigDecimal expected, BigDecimal unit) {
        return actual.subtract(expected).abs().compareTo(unit) <= 0;
    }

    private static BigDecimal positiveDecimal(BigDecimal value, String line, String what) {
        BigDecimal checked = nonNegativeDecimal(value, line, what);
        if (checked.signum() == 0) {
            throw new IllegalArgumentException(line + ": the " + what + " must be greater than zero.");
        }
        return checked;
    }

    private static BigDecimal nonNegativeDecimal(BigDecimal value, String line, String what) {
        if (value == null) {
            throw new IllegalArgumentException(line + ": the " + what + " is required.");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(line + ": the " + what + " cannot be negative; got "
                    + value.toPlainString() + ".");
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > UNIT_SCALE) {
            throw new IllegalArgumentException(line + ": the " + what + " has more than " + UNIT_SCALE
                    + " decimals (" + value.toPlainString() + ").");
        }
        return value;
    }
}
