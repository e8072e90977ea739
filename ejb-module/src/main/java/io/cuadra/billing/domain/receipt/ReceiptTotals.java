package io.cuadra.billing.domain.receipt;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of an internal receipt, in the currency's minor unit (CLP whole pesos, MXN cents).
 *
 * <p>Tax is computed <b>by document, per rate, out of the amount paid</b>: for each rate the gross is the
 * sum of its lines, the base is gross / (1 + rate) rounded half-up to the minor unit and the tax is the
 * rest. That is how a Chilean boleta states its IVA (neto = total / 1.19, IVA = total - neto), and it is
 * the only split where base + tax = what the customer paid holds in whole pesos. Lines keep the orders
 * component's amounts to the cent; their shares of the total are cut by largest remainder, so the printed
 * lines add up to the printed total exactly and no line moves by a whole minor unit or more.
 *
 * @param lines the lines' amounts in the minor unit, in the order given
 * @param rates one row per tax percent (0 for exempt lines), in order of first appearance
 */
public record ReceiptTotals(Currency currency, List<Money> lines, List<RateTotal> rates, Money base, Money tax,
                            Money total) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ReceiptTotals {
        lines = List.copyOf(lines);
        rates = List.copyOf(rates);
    }

    /** One line as the receipt sees it: what it costs with tax (to the cent) and its tax percent. */
    public record Line(BigDecimal gross, BigDecimal taxPercent) {
        public Line {
            Objects.requireNonNull(gross, "gross");
            Objects.requireNonNull(taxPercent, "taxPercent");
            if (gross.signum() < 0 || taxPercent.signum() < 0) {
                throw new IllegalArgumentException("A receipt line cannot be negative.");
            }
        }
    }

    /** Gross, base and tax of the lines at one percent. */
    public record RateTotal(BigDecimal percent, Money gross, Money base, Money tax) {
    }

    /** The receipt of {@code lines}: its total is their sum rounded half-up to the minor unit. */
    public static ReceiptTotals of(List<Line> lines, Currency currency) {
        return of(lines, currency, toMinorUnit(sum(lines), currency));
    }

    /**
     * The receipt of {@code lines} for a {@code total} already decided, e.g. the share of a credit slip in a
     * receipt credited in several goes (so that the slips of a receipt add up to it exactly).
     */
    public static ReceiptTotals of(List<Line> lines, Currency currency, BigDecimal total) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A receipt has at least one line.");
        }
        int digits = digits(currency);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        if (total.signum() < 0 || total.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException("A receipt total is a non-negative number of " + currency + " minor units;"
                    + " got " + total.toPlainString() + ".");
        }
        List<BigDecimal> cut = largestRemainder(lines.stream().map(Line::gross).toList(), total, digits, unit);
        Map<BigDecimal, BigDecimal> grossByRate = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            grossByRate.merge(plain(lines.get(i).taxPercent()), cut.get(i), BigDecimal::add);
        }
        List<RateTotal> rates = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> e : grossByRate.entrySet()) {
            BigDecimal gross = e.getValue();
            BigDecimal rateBase = gross.multiply(HUNDRED).divide(HUNDRED.add(e.getKey()), digits, RoundingMode.HALF_UP);
            rates.add(new RateTotal(e.getKey(), Money.of(gross, currency), Money.of(rateBase, currency),
                    Money.of(gross.subtract(rateBase), currency)));
            base = base.add(rateBase);
        }
        return new ReceiptTotals(currency, cut.stream().map(a -> Money.of(a, currency)).toList(), rates,
                Money.of(base, currency), Money.of(total.subtract(base), currency), Money.of(total, currency));
    }

    /** Rounds half-up to the currency's minor unit (CLP 0 decimals, MXN 2). */
    public static BigDecimal toMinorUnit(BigDecimal amount, Currency currency) {
        return amount.setScale(digits(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * Each amount floored to the minor unit, then the units still missing to reach {@code total} handed
     * out one by one to the largest remainders (taken back from the smallest when the total is lower).
     */
    private static List<BigDecimal> largestRemainder(List<BigDecimal> amounts, BigDecimal total, int digits,
                                                     BigDecimal unit) {
        List<BigDecimal> cut = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        BigDecimal floors = BigDecimal.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal floor = amounts.get(i).setScale(digits, RoundingMode.FLOOR);
            cut.add(floor);
            floors = floors.add(floor);
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> amounts.get(i).subtract(cut.get(i))).reversed()
                .thenComparing(i -> i));
        long missing = total.subtract(floors).divide(unit).longValueExact();
        for (int k = 0; missing > 0; k++, missing--) {
            int i = order.get(k % order.size());
            cut.set(i, cut.get(i).add(unit));
        }
        for (int k = order.size() - 1; missing < 0; k--) {
            int i = order.get(Math.floorMod(k, order.size()));
            if (cut.get(i).compareTo(unit) >= 0) {
                cut.set(i, cut.get(i).subtract(unit));
                missing++;
            } else if (cut.stream().allMatch(a -> a.compareTo(unit) < 0)) {
                throw new IllegalArgumentException("A total of " + total.toPlainString() + " is below what the lines"
                        + " can carry.");
            }
        }
        return cut;
    }

    /** 19.00 and 19 are the same rate. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
