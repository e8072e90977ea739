package io.cuadra.platform.application;

import io.cuadra.shared.domain.AccessDenied;

import java.util.Optional;

/** The platform operator of the current thread, set by the web boundary instead of a tenant caller. */
public final class CurrentOperator {

    private static final ThreadLocal<Operator> CURRENT = new ThreadLocal<>();

    private CurrentOperator() {
    }

    public static Optional<Operator> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Only a platform operator manages tenants: anyone else, signed in to a tenant or not, is refused. */
    public static Operator require() {
        Operator o = CURRENT.get();
        if (o == null) {
            throw new AccessDenied("Only a platform operator manages tenants.").withKey("platform.onlyPlatformOperator");
        }
        return o;
    }

    public static void set(Operator operator) {
        CURRENT.set(operator);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
