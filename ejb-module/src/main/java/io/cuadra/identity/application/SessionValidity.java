package io.cuadra.identity.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an access token or a back-office session may still act, asked on every request. The database
 * is the truth; each server remembers a user's {@link SessionState} for at most {@link #FRESHNESS}, so
 * a sign-out, deactivation or password change on any server bites everywhere within that time, and on
 * the server that made it at once (after commit). The hot path costs a map look-up; a busy user costs
 * one indexed query per second.
 */
@ApplicationScoped
public class SessionValidity {

    public static final Duration FRESHNESS = Duration.ofMillis(500);
    private static final int MAX_ENTRIES = 50_000;

    @EJB
    SessionStates states;

    private final Map<Long, Cached> byUser = new ConcurrentHashMap<>();

    public boolean admits(long userId, long tokenVersion, UUID session) {
        return state(userId).admits(tokenVersion, session);
    }

    /** Whether the user's tenant is suspended: asked after {@link #admits} refused, to say why (403). */
    public boolean tenantSuspended(long userId) {
        return state(userId).tenantSuspended();
    }

    /** Seconds until the user's tenant is out of maintenance (0: not under maintenance): asked after admits. */
    public long maintenanceSecondsLeft(long userId) {
        return state(userId).maintenanceSecondsLeft(java.time.Instant.now());
    }

    private SessionState state(long userId) {
        long now = System.nanoTime();
        Cached cached = byUser.get(userId);
        if (cached == null || now - cached.loadedAt() > FRESHNESS.toNanos()) {
            if (byUser.size() > MAX_ENTRIES) {
                byUser.clear();
            }
            cached = new Cached(states.of(userId), now);
            byUser.put(userId, cached);
        }
        return cached.state();
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsEnded ended) {
        ended.userIds().forEach(byUser::remove);
    }

    /** A tenant's maintenance reaches this server at once, other servers within {@link #FRESHNESS}. */
    void forgetAll(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantStateChanged changed) {
        byUser.clear();
    }

    private record Cached(SessionState state, long loadedAt) {
    }
}
