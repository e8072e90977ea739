package io.cuadra.reconciliation.domain.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Proposes which bank credits settle which transfer, card and wallet payments. Candidates are
 * one credit to one payment, one credit to a group of payments, and a group of credits to the
 * payments of one order; groups come from a bounded subset-sum search. The best candidates whose
 * score reaches the auto-match threshold, and that clearly beat every rival sharing a credit or a
 * payment, are matched; the rest above the suggestion threshold are offered to a person.
 *
 * <p>Already matched payments, matched or ignored credits and debits are never proposed. The same
 * input always yields the same output, in the same order.
 */
public final class MatchingEngine {

    private static final double EPSILON = 1e-9;
    private static final Comparator<BankCredit> CREDIT_ORDER =
            Comparator.comparing(BankCredit::date).thenComparing(BankCredit::id);
    private static final Comparator<OpenPayment> PAYMENT_ORDER =
            Comparator.comparing(OpenPayment::date).thenComparingLong(OpenPayment::paymentId);
    /** Best first; among equals, smaller groups, then by credit and payment ids, so ties break the same way every run. */
    private static final Comparator<MatchProposal> RANKING = Comparator.comparingDouble(MatchProposal::score).reversed()
            .thenComparingInt(p -> p.credits().size() + p.payments().size())
            .thenComparing(MatchProposal::shape)
            .thenComparing(p -> p.credits().get(0), CREDIT_ORDER)
            .thenComparing(MatchProposal::creditIds, MatchingEngine::compareLists)
            .thenComparing(MatchProposal::paymentIds, MatchingEngine::compareLists);
    /** Output order: grouped by credit, best first within a credit. */
    private static final Comparator<MatchProposal> BY_CREDIT =
            Comparator.comparing((MatchProposal p) -> p.credits().get(0), CREDIT_ORDER).thenComparing(RANKING);

    private final MatchingPolicy policy;

    public MatchingEngine(MatchingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public MatchingResult propose(Collection<BankCredit> credits, Collection<OpenPayment> payments) {
        List<BankCredit> openCredits = credits.stream().filter(BankCredit::isOfferable).sorted(CREDIT_ORDER).toList();
        List<OpenPayment> openPayments = payments.stream().filter(OpenPayment::isOfferable).sorted(PAYMENT_ORDER).toList();
        requireUniqueIds(openCredits, openPayments);
        List<MatchProposal> candidates = new Candidates(policy, openCredits, openPayments).all();
        candidates.sort(RANKING);
        return select(candidates);
    }

    private MatchingResult select(List<MatchProposal> ranked) {
        Map<Object, List<MatchProposal>> byItem = new HashMap<>();
        for (MatchProposal p : ranked) {
            itemsOf(p).forEach(item -> byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(p));
        }
        Set<Object> used = new HashSet<>();
        List<MatchProposal> automatic = new ArrayList<>();
        for (MatchProposal p : ranked) {
            if (p.score() < policy.autoMatchThreshold() - EPSILON) {
                break;
            }
            if (itemsOf(p).stream().anyMatch(used::contains) || hasCloseRival(p, byItem, used)) {
                continue;
            }
            automatic.add(p);
            used.addAll(itemsOf(p));
        }
        List<MatchProposal> suggestions = new ArrayList<>();
        Map<String, Integer> perCredit = new HashMap<>();
        for (MatchProposal p : ranked) {
            if (p.score() < policy.suggestionThreshold() - EPSILON) {
                break;
            }
            if (itemsOf(p).stream().anyMatch(used::contains)) {
                continue;
            }
            boolean wanted = p.creditIds().stream()
                    .anyMatch(id -> perCredit.getOrDefault(id, 0) < policy.suggestionsPerCredit());
            if (wanted) {
                suggestions.add(p);
                p.creditIds().forEach(id -> perCredit.merge(id, 1, Integer::sum));
            }
        }
        automatic.sort(BY_CREDIT);
        suggestions.sort(BY_CREDIT);
        return new MatchingResult(automatic, suggestions);
    }

    /** A rival shares a credit or payment, is still available, and scores within the ambiguity margin. */
    private boolean hasCloseRival(MatchProposal p, Map<Object, List<MatchProposal>> byItem, Set<Object> used) {
        for (Object item : itemsOf(p)) {
            for (MatchProposal rival : byItem.get(item)) {
                if (rival != p && p.score() - rival.score() <= policy.ambiguityMargin() + EPSILON
                        && itemsOf(rival).stream().noneMatch(used::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Credits and payments as distinct keys of one set: "C:" + credit id, or the payment id as a Long. */
    private static List<Object> itemsOf(MatchProposal p) {
        List<Object> items = new ArrayList<>();
        p.creditIds().forEach(id -> items.add("C:" + id));
        items.addAll(p.paymentIds());
        return items;
    }

    private static void requireUniqueIds(List<BankCredit> credits, List<OpenPayment> payments) {
        Set<String> creditIds = new HashSet<>();
        credits.forEach(c -> {
            if (!creditIds.add(c.id())) {
                throw new IllegalArgumentException("Bank credit " + c.id() + " is listed twice");
            }
        });
        Set<Long> paymentIds = new HashSet<>();
        payments.forEach(p -> {
            if (!paymentIds.add(p.paymentId())) {
                throw new IllegalArgumentException("Payment " + p.paymentId() + " is listed twice");
            }
        });
    }

    private static <T extends Comparable<T>> int compareLists(List<T> a, List<T> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Generates every candidate of the three shapes over credits and payments sorted by date. */
    private static final class Candidates {
        private final MatchingPolicy policy;
        private final MatchScorer scorer;
        private final List<BankCredit> credits;
        private final List<OpenPayment> payments;
        private final List<MatchProposal> found = new ArrayList<>();

        Candidates(MatchingPolicy policy, List<BankCredit> credits, List<OpenPayment> payments) {
            this.policy = policy;
            this.scorer = new MatchScorer(policy);
            this.credits = credits;
            this.payments = payments;
        }

        List<MatchProposal> all() {
            for (BankCredit credit : credits) {
                List<OpenPayment> near = paymentsAround(credit.date());
                for (OpenPayment p : near) {
                    add(MatchShape.ONE_TO_ONE, List.of(credit), List.of(p));
                }
                if (policy.maxGroupSize() >= 2) {
                    creditCoveringSeveralPayments(credit, near);
                }
            }
            if (policy.maxGroupSize() >= 2) {
                Map<Long, List<OpenPayment>> byOrder = new TreeMap<>();
                payments.forEach(p -> byOrder.computeIfAbsent(p.orderId(), k -> new ArrayList<>()).add(p));
                byOrder.values().forEach(this::severalCreditsSettlingOneOrder);
            }
            return found;
        }

        private void creditCoveringSeveralPayments(BankCredit credit, List<OpenPayment> near) {
            BigDecimal ceiling = credit.amount().amount().add(policy.amountTolerance());
            List<OpenPayment> pool = near.stream()
                    .filter(p -> p.amount().currency().equals(credit.amount().currency()))
                    .filter(p -> p.amount().amount().compareTo(ceiling) < 0)
                    .sorted(Comparator.comparingDouble((OpenPayment p) -> -scorer.affinity(credit, p)).thenComparing(PAYMENT_ORDER))
                    .limit(policy.maxGroupCandidates())
                    .toList();
            for (int[] group : search(pool.stream().map(p -> p.amount().amount()).toList(), credit.amount().amount())) {
                List<OpenPayment> chosen = new ArrayList<>();
                for (int i : group) {
                    chosen.add(pool.get(i));
                }
                chosen.sort(PAYMENT_ORDER);
                add(MatchShape.ONE_CREDIT_MANY_PAYMENTS, List.of(credit), chosen);
            }
        }

        private void severalCreditsSettlingOneOrder(List<OpenPayment> orderPayments) {
            OpenPayment first = orderPayments.get(0);
            BigDecimal target = orderPayments.stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal ceiling = target.add(policy.amountTolerance());
            LocalDate earliest = orderPayments.stream().map(OpenPayment::date).min(LocalDate::compareTo).orElseThrow();
            LocalDate latest = orderPayments.stream().map(OpenPayment::date).max(LocalDate::compareTo).orElseThrow();
            List<BankCredit> pool = creditsBetween(latest.minusDays(policy.dateWindowDays()),
                    earliest.plusDays(policy.dateWindowDays())).stream()
                    .filter(c -> c.amount().currency().equals(first.amount().currency()))
                    .filter(c -> c.amount().amount().compareTo(ceiling) < 0)
                    .sorted(Comparator.comparingDouble((BankCredit c) -> -meanAffinity(c, orderPayments)).thenComparing(CREDIT_ORDER))
                    .limit(policy.maxGroupCandidates())
                    .toList();
            for (int[] group : search(pool.stream().map(c -> c.amount().amount()).toList(), target)) {
                List<BankCredit> chosen = new ArrayList<>();
                for (int i : group) {
                    chosen.add(pool.get(i));
                }
                chosen.sort(CREDIT_ORDER);
                add(MatchShape.MANY_CREDITS_ONE_ORDER, chosen, orderPayments);
            }
        }

        private double meanAffinity(BankCredit credit, List<OpenPayment> orderPayments) {
            return orderPayments.stream().mapToDouble(p -> scorer.affinity(credit, p)).average().orElse(-1);
        }

        private List<int[]> search(List<BigDecimal> amounts, BigDecimal target) {
            return SubsetSearch.find(amounts, target, policy.amountTolerance(), policy.maxGroupSize(), policy.maxSearchSteps());
        }

        private void add(MatchShape shape, List<BankCredit> cs, List<OpenPayment> ps) {
            scorer.score(cs, ps).ifPresent(b -> found.add(new MatchProposal(shape, cs, ps, b)));
        }

        private List<OpenPayment> paymentsAround(LocalDate day) {
            LocalDate from = day.minusDays(policy.dateWindowDays());
            LocalDate to = day.plusDays(policy.dateWindowDays());
            int start = firstIndexOnOrAfter(payments.size(), i -> payments.get(i).date(), from);
            List<OpenPayment> near = new ArrayList<>();
            for (int i = start; i < payments.size() && !payments.get(i).date().isAfter(to); i++) {
                near.add(payments.get(i));
            }
            return near;
        }

        private List<BankCredit> creditsBetween(LocalDate from, LocalDate to) {
            int start = firstIndexOnOrAfter(credits.size(), i -> credits.get(i).date(), from);
            List<BankCredit> between = new ArrayList<>();
            for (int i = start; i < credits.size() && !credits.get(i).date().isAfter(to); i++) {
                between.add(credits.get(i));
            }
            return between;
        }

        /** Binary search over a list sorted by date. */
        private static int firstIndexOnOrAfter(int size, IntFunction<LocalDate> dateAt, LocalDate from) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (dateAt.apply(mid).isBefore(from)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
