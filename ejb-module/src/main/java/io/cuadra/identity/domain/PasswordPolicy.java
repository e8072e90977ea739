package io.cuadra.identity.domain;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.cuadra.shared.domain.RuleViolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: 12 to 128 characters, not one of the 30,000 most common passwords
 * (the list bundled with zxcvbn4j), and not trivially guessable from the person's own e-mail or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** zxcvbn score 0-4; 2 already needs ~10^8 guesses, out of reach of online guessing with lockout. */
    private static final int MIN_SCORE = 2;

    private static final Set<String> COMMON = loadCommon();
    private final Zxcvbn estimator = new Zxcvbn();

    /** The reason the password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String password, String... personalWords) {
        return refusal(null, password, personalWords).map(RuleViolation::sentence);
    }

    /** The refusal of the password (about {@code field} when given, worded by key), or empty when it is acceptable. */
    public Optional<RuleViolation> refusal(String field, String password, String... personalWords) {
        String prefix = field == null ? "" : field + ": ";
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(refused(new RuleViolation(prefix + "Use at least " + MIN_LENGTH + " characters.")
                    .withKey("identity.passwordShort", MIN_LENGTH)));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(refused(new RuleViolation(prefix + "Use at most " + MAX_LENGTH + " characters.")
                    .withKey("identity.passwordLong", MAX_LENGTH)));
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(refused(new RuleViolation(prefix
                    + "This password is one of the most common ones; choose another.").withKey("identity.passwordCommon")));
        }
        int score = estimator.measure(password, java.util.Arrays.asList(personalWords)).getScore();
        if (score < MIN_SCORE) {
            return Optional.of(refused(new RuleViolation(prefix + "This password is too easy to guess; add words or "
                    + "characters that are not related to you.").withKey("identity.passwordWeak")));
        }
        return Optional.empty();
    }

    private static RuleViolation refused(io.cuadra.shared.domain.BusinessException keyed) {
        return (RuleViolation) keyed;
    }

    private static Set<String> loadCommon() {
        try {
            return StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies().stream()
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("The common-password list is missing from the classpath", e);
        }
    }
}
