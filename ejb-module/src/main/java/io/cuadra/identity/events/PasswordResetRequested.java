package io.cuadra.identity.events;

/**
 * A user asked for a password reset and a single-use token was stored (its hash): the link must reach the user's
 * e-mail. Carries the token itself, which exists nowhere else in clear; whoever sends it must not keep it.
 *
 * @param language the user's back-office language (es, en, fr) or null
 * @param link     the page that takes the token, with the token in it
 */
public record PasswordResetRequested(long userId, String email, String firstName, String language, String link,
                                     String token) {

    @Override
    public String toString() {
        return "PasswordResetRequested[userId=" + userId + "]"; // never the token in a log line
    }
}
