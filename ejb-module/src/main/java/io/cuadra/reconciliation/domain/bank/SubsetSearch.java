package io.cuadra.reconciliation.domain.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bounded subset-sum over a handful of positive amounts: which groups of 2 to {@code maxSize} items
 * add up to the target within the tolerance. Depth-first over amounts sorted largest first, cutting
 * a branch as soon as it overshoots or can no longer reach the target, and stopping after
 * {@code maxSteps} visited nodes so the cost per search has a ceiling whatever the data.
 */
final class SubsetSearch {

    private final BigDecimal[] amounts;
    private final Integer[] order;
    private final BigDecimal[] remaining;
    private final BigDecimal low;
    private final BigDecimal high;
    private final int maxSize;
    private final int maxSteps;
    private final List<int[]> found = new ArrayList<>();
    private int steps;

    private SubsetSearch(List<BigDecimal> amounts, BigDecimal target, BigDecimal tolerance, int maxSize, int maxSteps) {
        this.amounts = amounts.toArray(BigDecimal[]::new);
        for (BigDecimal a : this.amounts) {
            if (a.signum() <= 0) {
                throw new IllegalArgumentException("Subset search needs positive amounts; got " + a);
            }
        }
        this.order = new Integer[this.amounts.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(i -> this.amounts[i]).reversed()
                .thenComparing(i -> i));
        this.remaining = new BigDecimal[order.length + 1];
        remaining[order.length] = BigDecimal.ZERO;
        for (int k = order.length - 1; k >= 0; k--) {
            remaining[k] = remaining[k + 1].add(this.amounts[order[k]]);
        }
        this.low = target.subtract(tolerance);
        this.high = target.add(tolerance);
        this.maxSize = maxSize;
        this.maxSteps = maxSteps;
    }

    /** Index sets (ascending, into {@code amounts}) of every group found, in a fixed order. */
    static List<int[]> find(List<BigDecimal> amounts, BigDecimal target, BigDecimal tolerance, int maxSize, int maxSteps) {
        SubsetSearch search = new SubsetSearch(amounts, target, tolerance, maxSize, maxSteps);
        search.extend(0, new int[maxSize], 0, BigDecimal.ZERO);
        return search.found;
    }

    private void extend(int from, int[] chosen, int size, BigDecimal sum) {
        for (int k = from; k < order.length && steps < maxSteps; k++) {
            if (sum.add(remaining[k]).compareTo(low) < 0) {
                return;
            }
            steps++;
            BigDecimal next = sum.add(amounts[order[k]]);
            if (next.compareTo(high) > 0) {
                continue;
            }
            chosen[size] = order[k];
            if (size + 1 >= 2 && next.compareTo(low) >= 0) {
                int[] group = Arrays.copyOf(chosen, size + 1);
                Arrays.sort(group);
                found.add(group);
            }
            if (size + 1 < maxSize) {
                extend(k + 1, chosen, size + 1, next);
            }
        }
    }
}
