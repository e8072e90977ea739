package io.cuadra.operations.application;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value read again only when older than its interval, by one caller at a time: scrapes and readiness polls of
 * every balancer then cost one read per interval, never one per caller.
 */
public final class Refreshed<T> {

    private final Duration every;
    private final Supplier<T> read;
    private final Function<T, Instant> takenAt;
    private volatile T last;

    public Refreshed(Duration every, Supplier<T> read, Function<T, Instant> takenAt) {
        this.every = every;
        this.read = read;
        this.takenAt = takenAt;
    }

    public T get() {
        T v = last;
        if (v == null || takenAt.apply(v).plus(every).isBefore(Instant.now())) {
            synchronized (this) {
                v = last;
                if (v == null || takenAt.apply(v).plus(every).isBefore(Instant.now())) {
                    v = read.get();
                    last = v;
                }
            }
        }
        return v;
    }
}
