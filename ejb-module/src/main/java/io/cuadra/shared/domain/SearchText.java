package io.cuadra.shared.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What people type in a search box, folded the way the database folds the searched columns
 * ({@code cuadra_fold}: unaccent, then lower case), so "María" finds "maria" and the reverse.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern matching the words in this order, anywhere: "maria gonz" gives "%maria%gonz%". */
    public static String containsWords(String folded) {
        return "%" + escapeLike(folded).replace(' ', '%') + "%";
    }

    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
