package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a candidate pairing (see {@link ScoreBreakdown} for the formula). Amount: 1 when exact,
 * falling linearly to 0.5 at the tolerance; beyond it there is no candidate. Date: 1 on the same
 * day, falling by 1/(N+1) per day apart; beyond ±N days there is no candidate. Groups take the mean
 * date and name over every credit–payment pair and the best reference of any pair. Pair parts are
 * memoised because group searches revisit the same pairs many times.
 */
final class MatchScorer {

    private final MatchingPolicy policy;
    private final Map<String, Map<Long, PairParts>> pairs = new HashMap<>();

    MatchScorer(MatchingPolicy policy) {
        this.policy = policy;
    }

    Optional<ScoreBreakdown> score(List<BankCredit> credits, List<OpenPayment> payments) {
        Money creditTotal = credits.get(0).amount();
        for (int i = 1; i < credits.size(); i++) {
            if (!credits.get(i).amount().currency().equals(creditTotal.currency())) {
                return Optional.empty();
            }
            creditTotal = creditTotal.plus(credits.get(i).amount());
        }
        Money paymentTotal = Money.zero(creditTotal.currency());
        for (OpenPayment p : payments) {
            if (!p.amount().currency().equals(creditTotal.currency())) {
                return Optional.empty();
            }
            paymentTotal = paymentTotal.plus(p.amount());
        }
        BigDecimal gap = creditTotal.minus(paymentTotal).amount().abs();
        if (gap.compareTo(policy.amountTolerance()) > 0) {
            return Optional.empty();
        }
        double amount = gap.signum() == 0 ? 1.0
                : 1.0 - 0.5 * gap.divide(policy.amountTolerance(), MathContext.DECIMAL64).doubleValue();
        double date = 0;
        double name = 0;
        double reference = 0;
        for (BankCredit c : credits) {
            for (OpenPayment p : payments) {
                PairParts parts = parts(c, p);
                if (parts == null) {
                    return Optional.empty();
                }
                date += parts.date;
                name += parts.name;
                reference = Math.max(reference, parts.reference);
            }
        }
        int pairCount = credits.size() * payments.size();
        return Optional.of(new ScoreBreakdown(amount, date / pairCount, reference, name / pairCount,
                credits.size() + payments.size()));
    }

    /**
     * How promising a credit and a payment look together regardless of amount, used to choose which
     * candidates enter a group search; negative when they are too far apart in time.
     */
    double affinity(BankCredit credit, OpenPayment payment) {
        PairParts parts = parts(credit, payment);
        if (parts == null) {
            return -1;
        }
        return ScoreBreakdown.DATE_WEIGHT * parts.date + ScoreBreakdown.REFERENCE_WEIGHT * parts.reference
                + ScoreBreakdown.NAME_WEIGHT * parts.name;
    }

    long daysApart(BankCredit credit, OpenPayment payment) {
        return Math.abs(ChronoUnit.DAYS.between(payment.date(), credit.date()));
    }

    /** Null when the pair lies outside the date window. */
    private PairParts parts(BankCredit c, OpenPayment p) {
        return pairs.computeIfAbsent(c.id(), k -> new HashMap<>()).computeIfAbsent(p.paymentId(), k -> {
            long days = daysApart(c, p);
            if (days > policy.dateWindowDays()) {
                return PairParts.OUTSIDE_WINDOW;
            }
            return new PairParts(1.0 - (double) days / (policy.dateWindowDays() + 1),
                    ReferenceSimilarity.of(c.reference(), c.description(), p.reference(), p.orderNumber()),
                    NameSimilarity.of(c.payerName(), p.customerName()));
        }).orNull();
    }

    private record PairParts(double date, double reference, double name) {
        static final PairParts OUTSIDE_WINDOW = new PairParts(-1, -1, -1);

        PairParts orNull() {
            return date < 0 ? null : this;
        }
    }
}
