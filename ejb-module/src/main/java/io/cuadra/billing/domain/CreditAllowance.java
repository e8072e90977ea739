package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is left to credit of an original document, line by line: the quantity not yet returned and the
 * value and tax not yet credited. Credit notes (returns, discounts, the whole cancellation) are cut from
 * it, so together they can never exceed the original; the last piece of a line takes exactly what remains,
 * so a document credited in several notes adds back up to its own totals to the cent.
 */
public final class CreditAllowance {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One line of the original as issued. */
    public record OriginalLine(int lineNo, String code, String description, String unitCode, BigDecimal quantity,
                               Money value, Money tax, IgvAffectation affectation, BigDecimal taxPercent) {
        public OriginalLine {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(affectation, "affectation");
            Objects.requireNonNull(taxPercent, "tax percent");
        }
    }

    /** A line of a credit note already issued against the original. */
    public record CreditedLine(int originalLineNo, BigDecimal returnedQuantity, Money value, Money tax) {
    }

    /**
     * A line of a new credit note: the original line it credits, the quantity printed, the quantity that
     * comes back (0 for a discount) and the amounts.
     */
    public record CreditLine(int originalLineNo, String code, String description, String unitCode,
                             BigDecimal quantity, BigDecimal returnedQuantity, Money value, Money tax,
                             IgvAffectation affectation, BigDecimal taxPercent) {

        public Money total() {
            return value.plus(tax);
        }

        public BigDecimal unitValue() {
            return value.amount().divide(quantity, DocumentLine.UNIT_SCALE, RoundingMode.HALF_UP);
        }

        public BigDecimal unitPrice() {
            return total().amount().divide(quantity, DocumentLine.UNIT_SCALE, RoundingMode.HALF_UP);
        }

        /** As SUNAT receives it. */
        public DocumentLine toDocumentLine() {
            return new DocumentLine(code, description, unitCode, quantity, unitValue(), unitPrice(), value,
                    affectation, taxPercent, tax);
        }
    }

    /** What remains of one original line. */
    public record Remaining(OriginalLine line, BigDecimal quantity, Money value, Money tax) {
        public Money total() {
            return value.plus(tax);
        }
    }

    private final Currency currency;
    private final Map<Integer, Remaining> remaining = new LinkedHashMap<>();

    public CreditAllowance(Currency currency, List<OriginalLine> lines, Collection<CreditedLine> credited) {
        this.currency = Objects.requireNonNull(currency, "currency");
        for (OriginalLine line : lines) {
            remaining.put(line.lineNo(), new Remaining(line, line.quantity(), line.value(), line.tax()));
        }
        for (CreditedLine c : credited) {
            Remaining r = remaining.get(c.originalLineNo());
            if (r == null) {
                throw new IllegalArgumentException("A credit note refers to line " + c.originalLineNo()
                        + " that the original does not have.");
            }
            remaining.put(c.originalLineNo(), new Remaining(r.line(), r.quantity().subtract(c.returnedQuantity()),
                    r.value().minus(c.value()), r.tax().minus(c.tax())));
        }
    }

    public List<Remaining> remaining() {
        return List.copyOf(remaining.values());
    }

    public Money remainingTotal() {
        return remaining.values().stream().map(Remaining::total).reduce(Money.zero(currency), Money::plus);
    }

    public boolean fullyCredited() {
        return remainingTotal().isZero();
    }

    /** Returning {@code quantity} units of a line: its share of what remains of that line. */
    public CreditLine returnOf(int lineNo, BigDecimal quantity) {
        Remaining r = line(lineNo);
        if (quantity == null || quantity.signum() <= 0) {
            throw new CreditRefused("Line " + lineNo + ": the returned quantity must be greater than zero.");
        }
        int cmp = quantity.compareTo(r.quantity());
        if (cmp > 0) {
            throw new CreditRefused("Line " + lineNo + " (" + r.line().description() + "): only "
                    + r.quantity().stripTrailingZeros().toPlainString() + " can still be returned, not "
                    + quantity.stripTrailingZeros().toPlainString() + ".");
        }
        Money value;
        Money tax;
        if (cmp == 0) {
            value = r.value();
            tax = r.tax();
        } else {
            value = Money.of(r.value().amount().multiply(quantity).divide(r.quantity(), 2, RoundingMode.HALF_UP),
                    currency);
            // The same share of the remaining tax (not value x rate): pieces keep the original's rounding, so
            // the last one, which takes exactly what remains, stays within a cent of its own value x rate.
            tax = Money.of(r.tax().amount().multiply(quantity).divide(r.quantity(), 2, RoundingMode.HALF_UP),
                    currency);
        }
        if (value.plus(tax).isGreaterThan(r.total())) {
            throw new CreditRefused("Line " + lineNo + ": returning " + quantity.toPlainString() + " would credit "
                    + value.plus(tax).amount().toPlainString() + ", more than the "
                    + r.total().amount().toPlainString() + " that remains.");
        }
        Remaining after = new Remaining(r.line(), r.quantity().subtract(quantity), r.value().minus(value),
                r.tax().minus(tax));
        remaining.put(lineNo, after);
        return new CreditLine(lineNo, r.line().code(), r.line().description(), r.line().unitCode(), quantity,
                quantity, value, tax, r.line().affectation(), r.line().taxPercent());
    }

    /** A discount of {@code amountWithTax} on a line: no goods come back, value and tax go down. */
    public CreditLine discountOf(int lineNo, Money amountWithTax) {
        Remaining r = line(lineNo);
        if (amountWithTax == null || amountWithTax.isNegative() || amountWithTax.isZero()) {
            throw new CreditRefused("Line " + lineNo + ": the discount must be greater than zero.");
        }
        if (amountWithTax.isGreaterThan(r.total())) {
            throw new CreditRefused("Line " + lineNo + " (" + r.line().description() + "): a discount of "
                    + amountWithTax.amount().toPlainString() + " is more than the "
                    + r.total().amount().toPlainString() + " that remains.");
        }
        Money value;
        Money tax;
        if (amountWithTax.compareTo(r.total()) == 0) {
            value = r.value();
            tax = r.tax();
        } else if (r.line().affectation().isTaxed()) {
            BigDecimal factor = BigDecimal.ONE.add(r.line().taxPercent().divide(HUNDRED));
            value = Money.of(amountWithTax.amount().divide(factor, 2, RoundingMode.HALF_UP), currency);
            tax = amountWithTax.minus(value);
        } else {
            value = amountWithTax;
            tax = Money.zero(currency);
        }
        remaining.put(lineNo, new Remaining(r.line(), r.quantity(), r.value().minus(value), r.tax().minus(tax)));
        String description = "Descuento - " + r.line().description();
        return new CreditLine(lineNo, r.line().code(),
                description.length() > 500 ? description.substring(0, 500) : description, r.line().unitCode(),
                BigDecimal.ONE, BigDecimal.ZERO, value, tax, r.line().affectation(), r.line().taxPercent());
    }

    /** Everything that remains, line by line: the credit note that cancels the operation. */
    public List<CreditLine> everything() {
        List<CreditLine> lines = new ArrayList<>();
        for (Remaining r : List.copyOf(remaining.values())) {
            if (r.total().isZero()) {
                continue;
            }
            if (r.quantity().signum() > 0) {
                lines.add(returnOf(r.line().lineNo(), r.quantity()));
            } else {
                lines.add(discountOf(r.line().lineNo(), r.total()));
            }
        }
        if (lines.isEmpty()) {
            throw new CreditRefused("Nothing remains to credit: the document is already fully credited.");
        }
        return lines;
    }

    private Remaining line(int lineNo) {
        Remaining r = remaining.get(lineNo);
        if (r == null) {
            throw new CreditRefused("The original document has no line " + lineNo + ".");
        }
        return r;
    }

    /** A credit that would go beyond what remains, or name a line that does not exist. */
    public static final class CreditRefused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public CreditRefused(String message) {
            super(message);
        }
    }
}
