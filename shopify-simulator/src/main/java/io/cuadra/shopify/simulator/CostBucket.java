package io.cuadra.shopify.simulator;

/**
 * Shopify's leaky bucket for GraphQL query cost: {@code maximum} points, refilled at {@code restoreRate} a second;
 * a query asking for more than is available is THROTTLED, else the bucket pays its actual cost.
 */
final class CostBucket {

    final double maximum;
    final double restoreRate;
    private double available;
    private long lastNanos = System.nanoTime();
    private int forcedThrottles;

    CostBucket(double maximum, double restoreRate) {
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.available = maximum;
    }

    /** The next {@code n} queries answer THROTTLED whatever the bucket holds (a test's doing). */
    synchronized void throttleNext(int n) {
        forcedThrottles = n;
    }

    /** Takes {@code requested} points if they are there (and no throttle is forced); false means THROTTLED. */
    synchronized boolean take(double requested, double actual) {
        refill();
        if (forcedThrottles > 0) {
            forcedThrottles--;
            return false;
        }
        if (requested > available) {
            return false;
        }
        available -= actual;
        return true;
    }

    synchronized double available() {
        refill();
        return available;
    }

    /** Empties the bucket (a test of waiting before the next query). */
    synchronized void drain() {
        refill();
        available = 0;
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - lastNanos) / 1e9 * restoreRate);
        lastNanos = now;
    }
}
