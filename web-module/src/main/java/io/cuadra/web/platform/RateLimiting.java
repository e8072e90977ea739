package io.cuadra.web.platform;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.web.identity.ClientAddress;
import io.cuadra.web.identity.CuadraAuthentication;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Rate limiting of the REST API per signed-in user (per access token for a token that signs no one in, per
 * client address for calls without one), and of sign-in attempts per client address, with the IETF draft's
 * {@code RateLimit} / {@code RateLimit-Policy} headers on every answer and 429 problem+json with
 * {@code Retry-After} past a limit. Limits come from configuration (README, Configuration): the API's are
 * generous by default (they stop a runaway client, not a busy counter); sign-in's are tight, since a
 * password guesser moves from account to account and the per-account lockout alone does not see it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimiting implements ContainerRequestFilter, ContainerResponseFilter {

    static final String RETRY_AFTER = "Retry-After";
    private static final String DECISION = RateLimiting.class.getName() + ".decision";
    private static final String PREFIX = "cuadra.api.rate-limit.";

    /** Read once per deployment: changing a limit means a restart (or a redeploy). */
    private static final class Limits {
        static final RateWindows USERS;
        static final RateWindows TOKENS;
        static final RateWindows ANONYMOUS;
        static final RateWindows SIGN_IN;
        /** Addresses sign-in is not limited for (a monitoring probe, an internal gateway, a test runner). */
        static final Set<String> EXEMPT;

        static {
            Config config = ConfigProvider.getConfig();
            int window = setting(config, "window-seconds", 60);
            TOKENS = new RateWindows(setting(config, "token-requests", 30_000), window);
            USERS = new RateWindows(setting(config, "user-requests", setting(config, "token-requests", 30_000)), window);
            ANONYMOUS = new RateWindows(setting(config, "anonymous-requests", 30_000), window);
            SIGN_IN = new RateWindows(setting(config, "sign-in-requests", 60), setting(config, "sign-in-window-seconds", 60));
            EXEMPT = ClientAddress.parse(config.getOptionalValue(PREFIX + "exempt-addresses", String.class).orElse(null));
        }

        private static int setting(Config config, String name, int fallback) {
            return config.getOptionalValue(PREFIX + name, Integer.class).orElse(fallback);
        }
    }

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        long now = System.currentTimeMillis();
        String ip = CuadraAuthentication.clientOf(servletRequest).ip();
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // The caller was verified by the servlet filter in front (CallerFilter): a user's quota is theirs
        // however many tokens they hold.
        Optional<Caller> caller = CurrentCaller.get();
        RateWindows.Decision d;
        if (caller.isPresent()) {
            d = Limits.USERS.take("u:" + caller.get().tenantId() + ":" + caller.get().userId(), now);
        } else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            d = Limits.TOKENS.take("t:" + digest(authorization.substring(7).strip()), now);
        } else {
            d = Limits.ANONYMOUS.take("a:" + ip, now);
        }
        if (d.allowed() && isSignIn(request) && !Limits.EXEMPT.contains(ip)) {
            d = Limits.SIGN_IN.take("s:" + ip, now);
        }
        request.setProperty(DECISION, d);
        if (!d.allowed()) {
            request.abortWith(Problem.of("rate-limited", "Too Many Requests", Response.Status.TOO_MANY_REQUESTS,
                    "More than " + d.limit() + " requests in " + d.windowSeconds() + " s: try again in "
                            + d.resetSeconds() + " s.").toResponse(RETRY_AFTER, Long.toString(d.resetSeconds())));
        }
    }

    private static boolean isSignIn(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        return "POST".equals(request.getMethod()) && path != null
                && (path.endsWith("/api/auth/login") || path.endsWith("/api/platform/auth/login"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateWindows.Decision d) {
            response.getHeaders().putSingle("RateLimit", d.header());
            response.getHeaders().putSingle("RateLimit-Policy", d.policy());
        }
    }

    /** Tokens are not kept in memory as they are: the window is keyed by their hash. */
    private static String digest(String token) {
        try {
            return Base64.getEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
