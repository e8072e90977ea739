package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;
import java.util.Objects;

/** The person acting on a closure, as the service has authenticated (and, for reopening, authorised) them. */
public record Actor(String username) implements Serializable {

    public Actor {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("An actor needs a username");
        }
    }
}
