package io.cuadra.web.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client of the API expects from every operation, in one place: asking for problem+json (or
 * any JSON) is asking for JSON, so an operation that answers JSON never turns an error into 406; a list
 * page carries RFC 8288 {@code Link}s to its first, previous, next and last pages; a 503 says when to
 * come back ({@code Retry-After}).
 */
@Provider
@PreMatching
public class ApiConventions implements ContainerRequestFilter, ContainerResponseFilter {

    static final String RETRY_AFTER_503_SECONDS = "5";

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("json") && !accept.contains(MediaType.APPLICATION_JSON)) {
            // application/problem+json, application/*+json: the JSON the resources produce is what is meant.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 503 && !response.getHeaders().containsKey(RateLimiting.RETRY_AFTER)) {
            response.getHeaders().putSingle(RateLimiting.RETRY_AFTER, RETRY_AFTER_503_SECONDS);
        }
        if (response.getStatus() == 200 && "GET".equals(request.getMethod())) {
            PageFigures page = PageFigures.of(response.getEntity());
            if (page != null) {
                response.getHeaders().put(HttpHeaders.LINK,
                        new ArrayList<>(page.links(request.getUriInfo().getRequestUri())));
            }
        }
    }

    /** A page's place in its list, read from any page record (items, total, page, size). */
    record PageFigures(long total, int page, int size) {

        static PageFigures of(Object entity) {
            if (entity == null || !entity.getClass().isRecord()) {
                return null;
            }
            Long total = null;
            Integer page = null;
            Integer size = null;
            boolean items = false;
            try {
                for (RecordComponent c : entity.getClass().getRecordComponents()) {
                    Object v = c.getAccessor().invoke(entity);
                    switch (c.getName()) {
                        case "items" -> items = v instanceof List<?>;
                        case "total" -> total = v instanceof Number n ? n.longValue() : null;
                        case "page" -> page = v instanceof Number n ? n.intValue() : null;
                        case "size" -> size = v instanceof Number n ? n.intValue() : null;
                        default -> { }
                    }
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
            return items && total != null && page != null && size != null && size > 0
                    ? new PageFigures(total, page, size) : null;
        }

        /** RFC 8288 link values; pages are numbered from 0. */
        List<String> links(URI request) {
            long last = Math.max(0, (total - 1) / size);
            List<String> links = new ArrayList<>();
            links.add(link(request, 0, "first"));
            if (page > 0) {
                links.add(link(request, Math.min(page - 1, last), "prev"));
            }
            if (page < last) {
                links.add(link(request, page + 1, "next"));
            }
            links.add(link(request, last, "last"));
            return links;
        }

        private String link(URI request, long number, String rel) {
            StringBuilder query = new StringBuilder();
            if (request.getRawQuery() != null) {
                for (String pair : request.getRawQuery().split("&")) {
                    if (!pair.isEmpty() && !pair.startsWith("page=") && !pair.startsWith("size=")
                            && !pair.equals("page") && !pair.equals("size")) {
                        query.append(pair).append('&');
                    }
                }
            }
            query.append("page=").append(number).append("&size=").append(size);
            String path = request.getRawPath() == null ? "" : request.getRawPath();
            return "<" + path + "?" + query + ">; rel=\"" + rel + "\"";
        }
    }
}
