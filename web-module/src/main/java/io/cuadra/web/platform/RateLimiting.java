package io.cuadra.web.platform;

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

/**
 * Rate limiting of the REST API per access token (per client address for calls without one), with the
 * IETF draft's {@code RateLimit} / {@code RateLimit-Policy} headers on every answer and 429 problem+json
 * with {@code Retry-After} past the limit. Limits come from configuration (README, Configuration) and are
 * generous by default: they stop a runaway client, not a busy counter.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimiting implements ContainerRequestFilter, ContainerResponseFilter {

    static final String RETRY_AFTER = "Retry-After";
    private static final String DECISION = RateLimiting.class.getName() + ".decision";

    /** Read once per deployment: changing a limit means a restart (or a redeploy). */
    private static final class Limits {
        static final RateWindows TOKENS;
        static final RateWindows ANONYMOUS;

        static {
            Config config = ConfigProvider.getConfig();
            int window = config.getOptionalValue("cuadra.api.rate-limit.window-seconds", Integer.class).orElse(60);
            TOKENS = new RateWindows(config.getOptionalValue("cuadra.api.rate-limit.token-requests", Integer.class)
                    .orElse(30_000), window);
            ANONYMOUS = new RateWindows(config.getOptionalValue("cuadra.api.rate-limit.anonymous-requests",
                    Integer.class).orElse(30_000), window);
        }
    }

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        RateWindows.Decision d;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            d = Limits.TOKENS.take("t:" + digest(authorization.substring(7).strip()), System.currentTimeMillis());
        } else {
            d = Limits.ANONYMOUS.take("a:" + CuadraAuthentication.clientOf(servletRequest).ip(),
                    System.currentTimeMillis());
        }
        request.setProperty(DECISION, d);
        if (!d.allowed()) {
            request.abortWith(Problem.of("rate-limited", "Too Many Requests", Response.Status.TOO_MANY_REQUESTS,
                    "More than " + d.limit() + " requests in " + d.windowSeconds() + " s: try again in "
                            + d.resetSeconds() + " s.").toResponse(RETRY_AFTER, Long.toString(d.resetSeconds())));
        }
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
