package io.cuadra.batch.tabular;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a sheet holds what, read from its header row. Header names match loosely
 * ("Document Number", "document_number" and "documentNumber" are one column), so a sheet typed by
 * hand or exported by another program is accepted; an unknown or missing column is refused up front,
 * before any row is read, because it would otherwise reject or silently empty every row.
 */
public final class Columns {

    private final Map<String, Integer> index;
    private final List<String> header;

    private Columns(Map<String, Integer> index, List<String> header) {
        this.index = index;
        this.header = header;
    }

    /**
     * @param known    every column the importer reads
     * @param required the columns a sheet must have
     * @param ignored  columns accepted but not read (what an export adds: ids, counters)
     * @throws IllegalArgumentException naming the unknown, repeated or missing columns
     */
    public static Columns of(List<String> header, Collection<String> known, Collection<String> required,
                             Collection<String> ignored) {
        Map<String, String> knownByKey = new HashMap<>();
        known.forEach(k -> knownByKey.put(key(k), k));
        Set<String> ignoredKeys = new LinkedHashSet<>();
        ignored.forEach(i -> ignoredKeys.add(key(i)));
        Map<String, Integer> index = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i) == null ? "" : header.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            String name = knownByKey.get(key(raw));
            if (name == null) {
                if (!ignoredKeys.contains(key(raw))) {
                    unknown.add(raw);
                }
            } else if (index.putIfAbsent(name, i) != null) {
                repeated.add(raw);
            }
        }
        List<String> missing = required.stream().filter(r -> !index.containsKey(r)).toList();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("the header lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
        }
        if (!repeated.isEmpty()) {
            problems.add("repeated column" + (repeated.size() > 1 ? "s " : " ") + String.join(", ", repeated));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(capitalize(String.join("; ", problems)) + ". The columns are: "
                    + String.join(", ", known) + ".");
        }
        return new Columns(index, List.copyOf(header));
    }

    /** The row's value of a column, stripped; null when the column is absent or the cell blank. */
    public String get(TabularRow row, String column) {
        Integer i = index.get(column);
        return i == null ? null : row.cell(i);
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public List<String> header() {
        return header;
    }

    /** Lower case without accents, spaces, dashes or underscores. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
