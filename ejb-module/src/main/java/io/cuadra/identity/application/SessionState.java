package io.cuadra.identity.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the database says of a user's sessions: the current token version, whether the user and the
 * tenant may still sign in, and the sessions (refresh-token families) signed out recently enough for
 * one of their access tokens to be still unexpired; and whether the refusal is the tenant's suspension
 * (answered 403 with its own problem, not 401); and until when the tenant is under maintenance (503).
 */
public record SessionState(long tokenVersion, boolean allowed, Set<UUID> endedSessions, boolean tenantSuspended,
                           Instant maintenanceUntil) {

    static final SessionState UNKNOWN = new SessionState(-1, false, Set.of(), false);

    public SessionState {
        endedSessions = Set.copyOf(endedSessions);
    }

    public SessionState(long tokenVersion, boolean allowed, Set<UUID> endedSessions, boolean tenantSuspended) {
        this(tokenVersion, allowed, endedSessions, tenantSuspended, null);
    }

    /** Whole seconds until the tenant's maintenance ends (at least 1), or 0 when it is not under maintenance. */
    public long maintenanceSecondsLeft(Instant now) {
        if (maintenanceUntil == null || !maintenanceUntil.isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, maintenanceUntil).toMillis() + 999) / 1000);
    }

    /** Whether a token or session issued with this version (and, for tokens, this session) still holds. */
    public boolean admits(long version, UUID session) {
        return allowed && version == tokenVersion && (session == null || !endedSessions.contains(session));
    }
}
