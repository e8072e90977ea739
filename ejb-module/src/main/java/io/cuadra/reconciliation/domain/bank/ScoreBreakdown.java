package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;

/**
 * The parts of a match score, each in [0, 1], and how they add up:
 *
 * <pre>
 * score = 0.40·amount + 0.15·date + 0.30·reference + 0.15·name − 0.05·(items − 2), clamped to [0, 1]
 * </pre>
 *
 * Amount weighs most because a wrong amount is never right; a reference is the strongest evidence
 * after it. Groups pay 0.05 per item beyond a pair, because the more items, the likelier a sum
 * matches by chance. The score is rounded to four decimals so equal evidence yields equal scores.
 */
public record ScoreBreakdown(double amount, double date, double reference, double name, int items)
        implements Serializable {

    static final double AMOUNT_WEIGHT = 0.40;
    static final double DATE_WEIGHT = 0.15;
    static final double REFERENCE_WEIGHT = 0.30;
    static final double NAME_WEIGHT = 0.15;
    static final double PENALTY_PER_EXTRA_ITEM = 0.05;

    public ScoreBreakdown {
        for (double part : new double[] {amount, date, reference, name}) {
            if (part < 0 || part > 1) {
                throw new IllegalArgumentException("Score parts lie in [0, 1]; got " + part);
            }
        }
        if (items < 2) {
            throw new IllegalArgumentException("A match involves at least one credit and one payment");
        }
    }

    public double groupPenalty() {
        return PENALTY_PER_EXTRA_ITEM * (items - 2);
    }

    public double score() {
        double raw = AMOUNT_WEIGHT * amount + DATE_WEIGHT * date + REFERENCE_WEIGHT * reference + NAME_WEIGHT * name
                - groupPenalty();
        return Math.round(Math.max(0, Math.min(1, raw)) * 10_000) / 10_000.0;
    }
}
