package io.cuadra.customers.domain;

import io.cuadra.shared.domain.SearchText;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What someone typed in the customer search box, read the ways it may be meant: a document number
 * (exact or its beginning), words of a name in either order, a phone number, the start of an e-mail.
 * A reading that makes no sense for the text is null, which switches that branch of the search off.
 */
public record CustomerQuery(String documentExact, String documentPrefix, String wordsInOrder, String wordsReversed,
                            String folded, String phoneDigits, String emailPrefix) {

    public static CustomerQuery of(String typed) {
        String raw = typed == null ? "" : typed.strip();
        String folded = SearchText.fold(raw);
        boolean hasLetters = folded.chars().anyMatch(Character::isLetter);
        boolean hasDigits = folded.chars().anyMatch(Character::isDigit);
        boolean oneToken = !folded.contains(" ");

        String document = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        boolean documentLike = hasDigits && document.length() >= 3 && document.matches("[A-Z0-9]+");

        String digits = raw.replaceAll("\\D", "");
        boolean phoneLike = !hasLetters && digits.length() >= 4;

        String inOrder = null;
        String reversed = null;
        if (hasLetters && folded.length() >= 2) {
            inOrder = SearchText.containsWords(folded);
            List<String> words = Arrays.asList(folded.split(" "));
            if (words.size() > 1) {
                java.util.Collections.reverse(words);
                reversed = SearchText.containsWords(String.join(" ", words));
            }
        }
        return new CustomerQuery(
                documentLike ? document : null,
                documentLike ? SearchText.escapeLike(document) + "%" : null,
                inOrder,
                reversed,
                hasLetters && folded.length() >= 3 ? folded : null,
                phoneLike ? "%" + digits + "%" : null,
                hasLetters && oneToken && folded.length() >= 3
                        ? SearchText.escapeLike(raw.toLowerCase(Locale.ROOT)) + "%" : null);
    }

    public boolean isEmpty() {
        return documentPrefix == null && wordsInOrder == null && folded == null && phoneDigits == null
                && emailPrefix == null;
    }
}
