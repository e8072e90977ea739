package io.cuadra.web.shell;

import io.cuadra.identity.application.CurrentCaller;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;

import java.util.Optional;

/**
 * The location a user works at now: the one the counter remembers for that user (a cookie per user, so each
 * cashier of a shared till finds their own). Pages not tied to one location show instants in its zone.
 */
public final class CurrentLocation {

    /** Per user: on a shared till each cashier finds their own last location. */
    private static final String COOKIE = "cuadra-counter-location-";

    private CurrentLocation() {
    }

    /** The cookie that remembers the signed-in user's location. */
    public static String cookieName() {
        return COOKIE + CurrentCaller.require().userId();
    }

    /** The id the counter remembers for the signed-in user, if any (not checked: the caller checks visibility). */
    public static Optional<Long> remembered() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx == null || CurrentCaller.get().isEmpty()) {
            return Optional.empty();
        }
        Object cookie = ctx.getExternalContext().getRequestCookieMap().get(cookieName());
        if (!(cookie instanceof Cookie c)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(c.getValue()));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a cookie edited by hand: no location remembered
        }
    }
}
