package io.cuadra.shared.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the items, how many there are in all, and where this page sits. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }

    /** Clamps what a client asked for to something the server is willing to answer. */
    public static int size(Integer requested, int fallback) {
        if (requested == null || requested < 1) {
            return fallback;
        }
        return Math.min(requested, MAX_SIZE);
    }

    public static int number(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }
}
