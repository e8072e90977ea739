package io.cuadra.shared.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The actor of the current thread. Every entry point sets it in a try/finally
 * ({@link #runAs(Actor, Callable)}); {@link TenantInterceptor} hands the tenant to EclipseLink so
 * every query of a tenant-owned entity is scoped to it.
 */
public final class TenantContext {

    /** The EclipseLink context property named by every tenant-owned entity's discriminator column. */
    public static final String TENANT_PROPERTY = "cuadra.tenant";

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Actor require() {
        Actor actor = CURRENT.get();
        if (actor == null) {
            throw new IllegalStateException("No tenant in context: the boundary must set the actor first");
        }
        return actor;
    }

    /** Who to write in created_by/updated_by. */
    public static String actorName() {
        Actor actor = CURRENT.get();
        return actor == null ? "system" : actor.name();
    }

    public static <T> T runAs(Actor actor, Callable<T> work) throws Exception {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** For boundaries that bracket a whole request themselves (servlet filter): set, and clear in finally. */
    public static void set(Actor actor) {
        CURRENT.set(actor);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(Actor previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
