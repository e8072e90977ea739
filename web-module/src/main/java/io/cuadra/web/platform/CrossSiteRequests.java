package io.cuadra.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The back office's session cookie is SameSite=Lax, and on top of that a state-changing request
 * (POST, PUT, PATCH, DELETE) to a page is refused with 403 when the browser says it comes from another
 * site ({@code Origin}, else {@code Referer}). The API needs no such check: it honours bearer tokens only,
 * which no other site can make a browser send.
 */
@WebFilter(filterName = "CrossSiteRequests", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class CrossSiteRequests extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private transient Optional<String> publicOrigin;

    @Override
    public void init() {
        publicOrigin = ConfigProvider.getConfig().getOptionalValue("cuadra.public-url", String.class)
                .flatMap(CrossSiteRequests::originOf);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        String claimed = request.getHeader("Origin");
        if (claimed == null) {
            claimed = request.getHeader("Referer");
        }
        Optional<String> origin = claimed == null ? Optional.empty() : originOf(claimed);
        if (claimed != null && (origin.isEmpty() || !sameSite(origin.get(), request))) {
            // Answered here, not through the 403 error page: that page would run as this very post.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Refused: this request came from another site.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean sameSite(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        String own = (request.isSecure() ? "https://" : "http://") + (host == null ? "" : host.toLowerCase(Locale.ROOT));
        return origin.equals(own) || publicOrigin.map(origin::equals).orElse(false);
    }

    /** scheme://host[:port] of a URL, lower case; empty for "null" (sandboxed, file:) and garbage. */
    static Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
