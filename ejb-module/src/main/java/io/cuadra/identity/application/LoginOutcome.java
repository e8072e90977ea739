package io.cuadra.identity.application;

import java.time.Instant;

/** What a sign-in attempt came to. Failures carry nothing that tells whether the e-mail exists. */
public sealed interface LoginOutcome {

    record SignedIn(UserSummary user, Tokens tokens) implements LoginOutcome {
    }

    /** Wrong e-mail or password, or an inactive account: the same answer for all three. */
    record Rejected() implements LoginOutcome {
    }

    /** The right password, but the user's company (tenant) is suspended by the platform operator. */
    record TenantSuspended() implements LoginOutcome {
    }

    /** Too many failures for this e-mail (existing or not) in the window. */
    record LockedOut(Instant until) implements LoginOutcome {
    }

    /** An access token and the refresh token that renews it. */
    record Tokens(String accessToken, long accessExpiresInSeconds, String refreshToken,
                  long refreshExpiresInSeconds) {
    }
}
