package io.cuadra.identity.application;

import java.util.Set;

/**
 * Fired in the transaction that ended sessions (sign-out, deactivation, new password, new roles); seen
 * after commit by {@link SessionValidity}, which forgets what it knew of these users at once.
 */
public record SessionsEnded(Set<Long> userIds) {

    public SessionsEnded {
        userIds = Set.copyOf(userIds);
    }
}
