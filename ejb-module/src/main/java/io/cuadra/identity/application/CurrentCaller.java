package io.cuadra.identity.application;

import io.cuadra.identity.domain.Caller;
import io.cuadra.shared.domain.AccessDenied;

import java.util.Optional;

/** The caller of the current thread, set by the web boundary next to the tenant context. */
public final class CurrentCaller {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CurrentCaller() {
    }

    public static Optional<Caller> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Caller require() {
        Caller c = CURRENT.get();
        if (c == null) {
            throw new AccessDenied("Sign in first.").withKey("identity.signFirst");
        }
        return c;
    }

    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
