package io.cuadra.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Payara serves MicroProfile Metrics at {@code /metrics} inside this application's root context. Nobody reads them
 * anonymously: only a scraper signing in with HTTP Basic as {@code metrics} with the password
 * {@code CUADRA_METRICS_TOKEN} (Prometheus' {@code basic_auth}; Basic because a Bearer header belongs to the API's
 * sign-in, which checks it first); without a configured token (16 characters or more) the endpoint answers 404 to
 * everyone. No back-office user or API token opens it: it tells about every tenant at once.
 */
public class MetricsAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient Optional<byte[]> token = Optional.empty();

    @Override
    public void init() {
        token = ConfigProvider.getConfig().getOptionalValue("cuadra.metrics.token", String.class)
                .map(String::strip).filter(t -> t.length() >= 16).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    static final String USER = "metrics";

    static boolean presents(String authorization, byte[] expected) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] wanted = (USER + ":" + new String(expected, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(decoded, wanted);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (token.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else if (!presents(request.getHeader("Authorization"), token.get())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            chain.doFilter(request, response);
        }
    }
}
