package io.cuadra.identity.application;

import java.util.Set;
import java.util.UUID;

/**
 * What the database says of a user's sessions: the current token version, whether the user and the
 * tenant may still sign in, and the sessions (refresh-token families) signed out recently enough for
 * one of their access tokens to be still unexpired; and whether the refusal is the tenant's suspension
 * (answered 403 with its own problem, not 401).
 */
public record SessionState(long tokenVersion, boolean allowed, Set<UUID> endedSessions, boolean tenantSuspended) {

    static final SessionState UNKNOWN = new SessionState(-1, false, Set.of(), false);

    public SessionState {
        endedSessions = Set.copyOf(endedSessions);
    }

    /** Whether a token or session issued with this version (and, for tokens, this session) still holds. */
    public boolean admits(long version, UUID session) {
        return allowed && version == tokenVersion && (session == null || !endedSessions.contains(session));
    }
}
