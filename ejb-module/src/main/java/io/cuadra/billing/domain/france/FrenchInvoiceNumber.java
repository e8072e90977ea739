package io.cuadra.billing.domain.france;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A French invoice number: a series (e.g. "FA2026", "AV2026") and a sequence that runs without gaps
 * within the series, as the Code général des impôts requires ("numérotation continue").
 */
public record FrenchInvoiceNumber(String series, long sequence) implements Comparable<FrenchInvoiceNumber> {

    private static final Pattern SERIES = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");

    public FrenchInvoiceNumber {
        Objects.requireNonNull(series, "series");
        if (!SERIES.matcher(series).matches()) {
            throw new IllegalArgumentException("A series is 1 to 16 upper-case letters, digits or dashes; got \""
                    + series + "\".");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("Sequences start at 1; got " + sequence + ".");
        }
    }

    /** "FA2026-000123". */
    public String formatted() {
        return String.format("%s-%06d", series, sequence);
    }

    public FrenchInvoiceNumber next() {
        return new FrenchInvoiceNumber(series, sequence + 1);
    }

    /**
     * The numbers missing from a series, given the ones issued (in any order): an audit of the continuity
     * the tax administration checks. Duplicates are reported as problems too.
     */
    public static List<String> continuityProblems(List<FrenchInvoiceNumber> issued) {
        List<String> problems = new ArrayList<>();
        List<FrenchInvoiceNumber> sorted = issued.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            FrenchInvoiceNumber current = sorted.get(i);
            FrenchInvoiceNumber previous = i == 0 ? null : sorted.get(i - 1);
            boolean seriesStart = previous == null || !previous.series.equals(current.series);
            long expected = seriesStart ? 1 : previous.sequence + 1;
            if (!seriesStart && current.sequence == previous.sequence) {
                problems.add(current.formatted() + " is issued twice.");
            } else if (current.sequence != expected) {
                problems.add("Series " + current.series + " jumps from "
                        + (seriesStart ? "its start" : previous.formatted()) + " to " + current.formatted() + ".");
            }
        }
        return problems;
    }

    @Override
    public int compareTo(FrenchInvoiceNumber other) {
        int bySeries = series.compareTo(other.series);
        return bySeries != 0 ? bySeries : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
