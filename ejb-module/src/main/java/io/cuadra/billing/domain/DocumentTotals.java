package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The document-level amounts SUNAT cross-checks against the lines: one subtotal per tax scheme used,
 * the total value without tax, the total tax, value plus tax and the amount payable. This module issues
 * no global discounts, charges or advances, so the payable amount equals value plus tax.
 */
public record DocumentTotals(List<TaxSubtotal> subtotals, Money lineExtensionAmount, Money totalTax,
                             Money taxInclusiveAmount, Money payableAmount) {

    public DocumentTotals {
        subtotals = List.copyOf(subtotals);
        Objects.requireNonNull(lineExtensionAmount, "line extension total");
        Objects.requireNonNull(totalTax, "total tax");
        Objects.requireNonNull(taxInclusiveAmount, "tax inclusive total");
        Objects.requireNonNull(payableAmount, "payable amount");
    }

    /** Adds up the lines: what the totals of a consistent document must be. */
    public static DocumentTotals of(List<DocumentLine> lines, Currency currency) {
        Map<TaxScheme, Money[]> byScheme = new EnumMap<>(TaxScheme.class);
        Money value = Money.zero(currency);
        Money tax = Money.zero(currency);
        for (DocumentLine line : lines) {
            Money[] sums = byScheme.computeIfAbsent(line.taxScheme(),
                    s -> new Money[] {Money.zero(currency), Money.zero(currency)});
            sums[0] = sums[0].plus(line.lineExtensionAmount());
            sums[1] = sums[1].plus(line.taxAmount());
            value = value.plus(line.lineExtensionAmount());
            tax = tax.plus(line.taxAmount());
        }
        List<TaxSubtotal> subtotals = new ArrayList<>();
        byScheme.forEach((scheme, sums) -> subtotals.add(new TaxSubtotal(scheme, sums[0], sums[1])));
        Money inclusive = value.plus(tax);
        return new DocumentTotals(subtotals, value, tax, inclusive, inclusive);
    }

    public Currency currency() {
        return payableAmount.currency();
    }

    /** The IGV charged (0.00 when no line is taxed), as printed and put in the QR. */
    public Money igvAmount() {
        return subtotals.stream()
                .filter(s -> s.scheme() == TaxScheme.IGV)
                .map(TaxSubtotal::taxAmount)
                .findFirst()
                .orElse(Money.zero(currency()));
    }

    /** Subtotals in catalog order (IGV, EXO, INA) whatever order they were given in. */
    public List<TaxSubtotal> subtotalsInSchemeOrder() {
        return subtotals.stream().sorted(Comparator.comparing(TaxSubtotal::scheme)).toList();
    }

    /** Every way these totals differ from the expected ones, as sentences; empty when they agree. */
    List<String> differencesFrom(DocumentTotals expected) {
        List<String> problems = new ArrayList<>();
        compare(problems, "Total value without tax", lineExtensionAmount, expected.lineExtensionAmount);
        compare(problems, "Total tax", totalTax, expected.totalTax);
        compare(problems, "Total with tax", taxInclusiveAmount, expected.taxInclusiveAmount);
        compare(problems, "Payable amount", payableAmount, expected.payableAmount);
        Map<TaxScheme, TaxSubtotal> given = new EnumMap<>(TaxScheme.class);
        for (TaxSubtotal s : subtotals) {
            if (given.put(s.scheme(), s) != null) {
                problems.add("Tax scheme " + s.scheme().ublName() + " has more than one subtotal.");
            }
        }
        Map<TaxScheme, TaxSubtotal> wanted = new EnumMap<>(TaxScheme.class);
        expected.subtotals.forEach(s -> wanted.put(s.scheme(), s));
        for (TaxScheme scheme : TaxScheme.values()) {
            TaxSubtotal g = given.get(scheme);
            TaxSubtotal w = wanted.get(scheme);
            if (g == null && w != null) {
                problems.add("Subtotal " + scheme.ublName() + " is missing: the lines have " + w.taxableAmount()
                        + " under it.");
            } else if (g != null && w == null) {
                problems.add("Subtotal " + scheme.ublName() + " is given but no line falls under it.");
            } else if (g != null) {
                compare(problems, "Subtotal " + scheme.ublName() + " taxable amount", g.taxableAmount(),
                        w.taxableAmount());
                compare(problems, "Subtotal " + scheme.ublName() + " tax", g.taxAmount(), w.taxAmount());
            }
        }
        return problems;
    }

    private static void compare(List<String> problems, String what, Money given, Money expected) {
        if (!given.currency().equals(expected.currency())) {
            problems.add(what + " is in " + given.currency() + " but the document is in " + expected.currency() + ".");
        } else if (given.compareTo(expected) != 0) {
            problems.add(what + " is " + given.amount().toPlainString() + " but the lines add up to "
                    + expected.amount().toPlainString() + ".");
        }
    }
}
