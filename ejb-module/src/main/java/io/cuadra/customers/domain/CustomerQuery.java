package io.cuadra.customers.domain;

import io.cuadra.shared.domain.SearchText;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What someone typed in the customer search box, read the ways it may be meant: a document number
 * (exact or its beginning), the words of a name in any order, a phone number, the start of an e-mail.
 * A reading that makes no sense for the text is null, which switches that branch of the search off:
 * digits are never a name, and a word with "@" is only an e-mail.
 *
 * <p>The components are the parameters of {@code customer-search.sql} in their order, after the tenant.
 */
public record CustomerQuery(String documentExact, String documentPrefix, String nameWords, String folded,
                            String phoneDigits, String emailPrefix) {

    private static final Pattern WORD = Pattern.compile(".*[\\p{L}\\d].*");

    public static CustomerQuery of(String typed) {
        String raw = typed == null ? "" : typed.strip();
        String folded = SearchText.fold(raw);
        boolean hasLetters = folded.chars().anyMatch(Character::isLetter);
        boolean hasDigits = folded.chars().anyMatch(Character::isDigit);
        boolean oneToken = !folded.contains(" ");
        boolean email = oneToken && raw.contains("@");

        String document = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        boolean documentLike = hasDigits && document.length() >= 3 && document.matches("[A-Z0-9]+");

        String digits = raw.replaceAll("\\D", "");
        boolean phoneLike = !hasLetters && digits.length() >= 4;

        String words = null;
        if (hasLetters && !email && folded.length() >= 2) {
            // The words of a name; a lone "-" or "&" between them is not one.
            words = Arrays.stream(folded.split(" ")).filter(w -> WORD.matcher(w).matches())
                    .collect(Collectors.joining(" "));
        }
        return new CustomerQuery(
                documentLike ? document : null,
                documentLike ? SearchText.escapeLike(document) + "%" : null,
                words == null || words.isEmpty() ? null : words,
                hasLetters && folded.length() >= 3 ? folded : null,
                phoneLike ? "%" + digits + "%" : null,
                hasLetters && oneToken && folded.length() >= 3
                        ? SearchText.escapeLike(raw.toLowerCase(Locale.ROOT)) + "%" : null);
    }

    public boolean isEmpty() {
        return documentPrefix == null && nameWords == null && folded == null && phoneDigits == null
                && emailPrefix == null;
    }
}
