package io.cuadra.shopify.domain;

import java.time.Duration;

/**
 * Shopify's cost-based rate limit for the Admin GraphQL API: a bucket of points per app and shop that refills
 * at {@code restoreRate} points a second; each query costs points and is refused as THROTTLED when the bucket
 * holds fewer than it asks for. Every answer reports the bucket ({@code extensions.cost.throttleStatus}), so
 * the client waits before it would be refused rather than after.
 */
public record CostBudget(double maximumAvailable, double currentlyAvailable, double restoreRate) {

    /** The longest a single wait lasts: a bucket reported empty with a tiny restore rate is not trusted further. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** How long to wait before a query of {@code nextCost} points fits in the bucket. */
    public Duration waitBefore(double nextCost) {
        double missing = Math.min(nextCost, maximumAvailable) - currentlyAvailable;
        if (missing <= 0) {
            return Duration.ZERO;
        }
        if (restoreRate <= 0) {
            return MAX_WAIT;
        }
        long millis = (long) Math.ceil(missing / restoreRate * 1000);
        return Duration.ofMillis(Math.min(millis, MAX_WAIT.toMillis()));
    }

    /**
     * After a THROTTLED answer: the bucket's own figures when the answer gave them, else exponential backoff
     * from one second (attempt 1, 2, 3... waits 1, 2, 4... s).
     */
    public static Duration afterThrottled(CostBudget reported, double requestedCost, int attempt) {
        if (reported != null) {
            Duration d = reported.waitBefore(requestedCost);
            if (!d.isZero()) {
                return d;
            }
        }
        long seconds = 1L << Math.min(Math.max(attempt - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
    }
}
