package io.cuadra.reconciliation.domain;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cash found in the drawer, by denomination. Lines naming the same denomination are added up
 * (a cashier may count the 10.00 notes in two bundles); denominations not counted are zero.
 */
public record CashCount(DenominationSet denominations, List<CountedDenomination> counted) implements Serializable {

    public CashCount {
        Objects.requireNonNull(denominations, "denominations");
        counted = List.copyOf(counted);
        for (CountedDenomination c : counted) {
            if (!denominations.denominations().contains(c.denomination())) {
                throw new ReconciliationRuleException(c.denomination() + " is not a denomination of the "
                        + denominations.currency() + " set.");
            }
        }
    }

    public static CashCount of(DenominationSet denominations, List<CashCountLine> lines) {
        Map<Denomination, Integer> counts = new LinkedHashMap<>();
        for (Denomination d : denominations.denominations()) {
            counts.put(d, 0);
        }
        for (CashCountLine line : lines) {
            // Each line is checked on its own so a refusal names the count the cashier typed, not a sum.
            CountedDenomination piece = new CountedDenomination(denominations.resolve(line.value(), line.form()), line.count());
            counts.merge(piece.denomination(), piece.count(), Math::addExact);
        }
        List<CountedDenomination> counted = new ArrayList<>();
        counts.forEach((d, n) -> counted.add(new CountedDenomination(d, n)));
        return new CashCount(denominations, counted);
    }

    public Money total() {
        Money sum = Money.zero(denominations.currency());
        for (CountedDenomination c : counted) {
            sum = sum.plus(c.subtotal());
        }
        return sum;
    }

    /** Compares with the cash the day's payments say should be there. */
    public CashVariance against(Money expectedCash) {
        return CashVariance.of(expectedCash, total());
    }
}
