package io.cuadra.shared.numbering;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of gap-free counters, with the shape of their scope (stored in {@code numbering_counters}). */
public enum Counter {
    /** Orders: one counter per location and year ({@code locationId/year}). */
    ORDER,
    /** Fiscal documents: one counter per location and series ({@code locationId/series}). */
    FISCAL_SERIES,
    /** Purchasing documents: one counter per kind and year ({@code OC/2026}, {@code GR/2026}). */
    PURCHASING;

    /** The scope key: its parts joined by "/", e.g. {@code 961/2026} or {@code 961/B001}. */
    public static String scope(Object... parts) {
        return Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("/"));
    }
}
