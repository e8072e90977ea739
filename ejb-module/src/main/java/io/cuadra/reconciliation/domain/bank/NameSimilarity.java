package io.cuadra.reconciliation.domain.bank;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How alike two person or company names are, from 0 to 1: the Jaccard index of their character
 * trigrams, after removing accents, case and punctuation. Trigrams are taken per word (with word
 * boundaries marked), so word order does not matter and a one-letter slip (GONZALES / González)
 * still scores high. Banks upper-case names and drop accents; people type them with both.
 */
public final class NameSimilarity {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private NameSimilarity() {
    }

    public static double of(String a, String b) {
        Set<String> left = trigrams(a);
        Set<String> right = trigrams(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0.0;
        }
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        int union = left.size() + right.size() - common.size();
        return (double) common.size() / union;
    }

    /** "María  González-Pérez" → "maria gonzalez perez". */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").strip();
    }

    static Set<String> trigrams(String name) {
        Set<String> grams = new HashSet<>();
        String normalised = normalise(name);
        if (normalised.isEmpty()) {
            return grams;
        }
        for (String word : normalised.split(" ")) {
            String marked = "^" + word + "$";
            for (int i = 0; i + 3 <= marked.length(); i++) {
                grams.add(marked.substring(i, i + 3));
            }
        }
        return grams;
    }
}
