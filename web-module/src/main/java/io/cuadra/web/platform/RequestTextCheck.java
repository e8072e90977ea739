package io.cuadra.web.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * The text of a request outside its body — path segments, query parameters and the headers the API
 * stores (Idempotency-Key, If-Match) — refused with 400 when it carries a control character, as
 * {@link StrictJson} refuses it in bodies: PostgreSQL cannot store U+0000 and nobody types the others.
 */
@Provider
public class RequestTextCheck implements ContainerRequestFilter {

    private static final List<String> STORED_HEADERS = List.of(IdempotentResponses.HEADER, "If-Match");

    @Override
    public void filter(ContainerRequestContext request) {
        String bad = null;
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            if (hasControl(segment.getPath())) {
                bad = "the path";
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (hasControl(e.getKey()) || e.getValue().stream().anyMatch(RequestTextCheck::hasControl)) {
                bad = "query parameter " + e.getKey().replaceAll("\\p{Cntrl}", "?");
            }
        }
        for (String header : STORED_HEADERS) {
            String value = request.getHeaderString(header);
            if (value != null && hasControl(value)) {
                bad = "header " + header;
            }
        }
        if (bad != null) {
            request.abortWith(Problem.of("bad-request", "Bad Request", Response.Status.BAD_REQUEST,
                    "A control character is not allowed in " + bad + ".").toResponse());
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (StrictJson.forbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
