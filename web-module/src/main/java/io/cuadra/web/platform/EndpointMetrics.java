package io.cuadra.web.platform;

import io.cuadra.operations.application.RequestMetrics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every REST request from its arrival at JAX-RS to its answer and reports it, under the matched endpoint's
 * template, to {@link RequestMetrics}. The bean is looked up from the ejb module's CDI context (where the metric
 * registry is injected), not from this provider: Jersey, not CDI, makes the provider.
 */
@Provider
@PreMatching
public class EndpointMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = EndpointMetrics.class.getName() + ".started";

    @Context
    ResourceInfo resource;

    private volatile RequestMetrics metrics;

    /** Each endpoint's template, built once (two annotation reads and two regular expressions per request before). */
    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        Method method = resource.getResourceMethod();
        String endpoint = request.getMethod() + " "
                + (method == null ? "(no endpoint)" : templates.computeIfAbsent(method,
                        m -> template(resource.getResourceClass(), m)));
        metrics().answered(endpoint, response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** {@code /api} + the class's and the method's {@code @Path}s: the template, never the request's ids. */
    static String template(Class<?> type, Method method) {
        StringBuilder t = new StringBuilder("/" + RestApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class)
                .value());
        for (Path p : new Path[] {type.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
            if (p != null && !p.value().isBlank() && !p.value().equals("/")) {
                t.append(p.value().startsWith("/") ? "" : "/").append(p.value().replaceAll("/$", ""));
            }
        }
        // a regular expression in a parameter ({id: [0-9]+}) is kept out of the label
        return t.toString().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private RequestMetrics metrics() {
        RequestMetrics m = metrics;
        if (m == null) {
            m = CDI.current().select(RequestMetrics.class).get();
            metrics = m;
        }
        return m;
    }
}
