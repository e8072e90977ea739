package io.cuadra.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * HTTP → HTTPS: with {@code CUADRA_TLS_REDIRECT=true} (the run command's default) a request over plain HTTP is
 * answered with a redirect to the same path and query at the HTTPS origin of {@code CUADRA_PUBLIC_URL} — never to
 * the request's own Host header, which a client chooses. GET and HEAD get 301, other methods 308 (method and body
 * kept). Payara's own {@code http-redirect} protocol would do it below the application, but on 6.2025.10 the
 * server does not start with it (README, "Platform pitfalls").
 */
public class HttpsOnly extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient Optional<URI> target = Optional.empty();

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        boolean wanted = config.getOptionalValue("cuadra.tls.redirect", Boolean.class).orElse(false);
        target = wanted ? httpsOrigin(config.getOptionalValue("cuadra.public-url", String.class).orElse(null))
                : Optional.empty();
    }

    static Optional<URI> httpsOrigin(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(publicUrl.strip());
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(URI.create("https://" + uri.getRawAuthority()));
    }

    /**
     * The application reading Payara's generated OpenAPI document from itself over loopback (OpenApiDocumentServlet):
     * that one plain request is not redirected.
     */
    static boolean isOwnDocumentRead(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        return request.getRequestURI().endsWith("/openapi-payara")
                && ("127.0.0.1".equals(remote) || "0:0:0:0:0:0:0:1".equals(remote) || "::1".equals(remote));
    }

    /** Where a plain-HTTP request goes: the origin, then the request's path and query as they came. */
    static String location(URI origin, String requestUri, String query) {
        return origin + requestUri + (query == null ? "" : "?" + query);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (target.isEmpty() || request.isSecure() || isOwnDocumentRead(request)) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        response.setStatus("GET".equals(method) || "HEAD".equals(method) ? 301 : 308);
        response.setHeader("Location", location(target.get(), request.getRequestURI(), request.getQueryString()));
        response.setContentLength(0);
    }
}
