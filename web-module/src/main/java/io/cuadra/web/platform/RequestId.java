package io.cuadra.web.platform;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of {@code X-Request-Id}: the caller's (a balancer's or a client's) when it is well formed, a new
 * UUID otherwise. It is echoed in the response, carried by every application log line written while the request
 * runs, and put in problem+json answers as the {@code requestId} extension member.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** Up to 64 letters, digits, '.', '_', '-': enough for UUIDs and trace ids, nothing that could forge a log line. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ATTRIBUTE = RequestId.class.getName();
    private static final String STARTED = RequestId.class.getName() + ".started";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestId() {
    }

    /** The request's id, decided at its first use (the authentication step may answer before any filter). */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = accepted(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        request.setAttribute(STARTED, System.nanoTime());
        return id;
    }

    /** When the request's id was decided: its first handling by the application. */
    public static long startNanos(HttpServletRequest request) {
        of(request);
        return (Long) request.getAttribute(STARTED);
    }

    static Optional<String> accepted(String header) {
        return Optional.ofNullable(header).map(String::strip).filter(h -> WELL_FORMED.matcher(h).matches());
    }

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(String id) {
        CURRENT.set(id);
    }

    static void unbind() {
        CURRENT.remove();
    }
}
