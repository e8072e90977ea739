package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The knobs of the matching engine.
 *
 * @param amountTolerance   largest accepted gap between credits and payments (bank fees, rounding)
 * @param dateWindowDays    a credit may be this many days before or after a payment
 * @param autoMatchThreshold from this score on a match is made without asking
 * @param suggestionThreshold below this score a candidate is not even shown
 * @param ambiguityMargin   an automatic match needs to beat every rival sharing an item by more than this
 * @param maxGroupSize      most payments one credit may cover, or credits one order may be paid with
 * @param maxGroupCandidates how many candidates, best first, enter a group search
 * @param maxSearchSteps    cap on subsets explored per group search, so a busy day cannot stall a batch
 * @param suggestionsPerCredit how many suggestions are kept per credit
 */
public record MatchingPolicy(BigDecimal amountTolerance, int dateWindowDays, double autoMatchThreshold,
                             double suggestionThreshold, double ambiguityMargin, int maxGroupSize,
                             int maxGroupCandidates, int maxSearchSteps, int suggestionsPerCredit)
        implements Serializable {

    public MatchingPolicy {
        Objects.requireNonNull(amountTolerance, "amountTolerance");
        if (amountTolerance.signum() < 0 || dateWindowDays < 0) {
            throw new IllegalArgumentException("Tolerance and date window cannot be negative");
        }
        if (!(0 <= suggestionThreshold && suggestionThreshold <= autoMatchThreshold && autoMatchThreshold <= 1)) {
            throw new IllegalArgumentException("Thresholds must satisfy 0 <= suggestion <= auto <= 1");
        }
        if (ambiguityMargin < 0 || maxGroupSize < 1 || maxGroupCandidates < 2 || maxSearchSteps < 1
                || suggestionsPerCredit < 0) {
            throw new IllegalArgumentException("Margin, group sizes, search steps and suggestion count must be positive");
        }
    }

    /** One sol of tolerance, three days either way, auto from 0.80, suggestions from 0.40, groups up to four. */
    public static MatchingPolicy defaults() {
        return new MatchingPolicy(new BigDecimal("1.00"), 3, 0.80, 0.40, 0.05, 4, 12, 20_000, 3);
    }

    public MatchingPolicy withAmountTolerance(String tolerance) {
        return new MatchingPolicy(new BigDecimal(tolerance), dateWindowDays, autoMatchThreshold, suggestionThreshold,
                ambiguityMargin, maxGroupSize, maxGroupCandidates, maxSearchSteps, suggestionsPerCredit);
    }

    public MatchingPolicy withDateWindowDays(int days) {
        return new MatchingPolicy(amountTolerance, days, autoMatchThreshold, suggestionThreshold, ambiguityMargin,
                maxGroupSize, maxGroupCandidates, maxSearchSteps, suggestionsPerCredit);
    }
}
