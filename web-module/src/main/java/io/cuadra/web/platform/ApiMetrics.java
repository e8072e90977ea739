package io.cuadra.web.platform;

import jakarta.annotation.Priority;
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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Requests and latencies of the REST API per endpoint: one timer {@code cuadra.http.requests} tagged with the
 * method, the endpoint's path template ({@code /orders/{id}/pay}: bounded, unlike real paths) and the status.
 * Started before anything else (rate limiting included), so a refused request is counted too.
 */
@Provider
@PreMatching
@Priority(1)
public class ApiMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ApiMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder().withName("cuadra.http.requests")
            .withDescription("REST API requests answered, by method, endpoint template and status").build();
    private static volatile MetricRegistry registry;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        MetricRegistry metrics = registry();
        if (metrics != null) {
            metrics.timer(REQUESTS, new Tag("method", request.getMethod()), new Tag("endpoint", endpoint()),
                    new Tag("status", Integer.toString(response.getStatus())))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String endpoint() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return "unmatched";
        }
        return template(type.getAnnotation(Path.class), method.getAnnotation(Path.class));
    }

    static String template(Path onClass, Path onMethod) {
        String path = "/" + strip(onClass == null ? "" : onClass.value()) + "/" + strip(onMethod == null ? "" : onMethod.value());
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    private static MetricRegistry registry() {
        MetricRegistry r = registry;
        if (r == null) {
            try {
                r = CDI.current().select(MetricRegistry.class).get();
                registry = r;
            } catch (RuntimeException e) {
                return null; // no metrics runtime: the request is simply not counted
            }
        }
        return r;
    }
}
