package io.cuadra.inventory.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.NotFound;

import java.util.function.LongPredicate;

/**
 * Location isolation for stock and purchasing. A user works only at the locations assigned to
 * them: anything of another location answers 404, exactly like something that does not exist.
 * Without a signed-in caller the code runs for the system (demo loader, batch job, the orders
 * component's events, whose own boundary already checked the location) and sees every location.
 */
public final class LocationScope {

    private LocationScope() {
    }

    /** Refuses (404, naming {@code what}) when the caller does not work at the location. */
    public static void require(long locationId, String what) {
        if (!visible(locationId)) {
            throw new NotFound(what).withKey("inventory.notAtYourLocations");
        }
    }

    public static boolean visible(long locationId) {
        return CurrentCaller.get().map(c -> c.worksAt(locationId)).orElse(true);
    }

    /** For filtering lists: the locations the caller may see. */
    public static LongPredicate filter() {
        return CurrentCaller.get().<LongPredicate>map(c -> c::worksAt).orElse(id -> true);
    }

    /** Whether the caller (or the system) may do something beyond their ordinary permission. */
    public static boolean callerCan(Module module, Action action) {
        return CurrentCaller.get().map(c -> c.can(module, action)).orElse(true);
    }

    /** Null for the system. */
    public static Caller callerOrNull() {
        return CurrentCaller.get().orElse(null);
    }
}
