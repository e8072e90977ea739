package io.cuadra.web.platform;

import io.cuadra.web.identity.CuadraAuthentication;
import io.cuadra.web.identity.CuadraPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * First filter of every request (web.xml puts it before the annotated ones): decides the request id, echoes it in
 * {@code X-Request-Id}, keeps it in the thread for the application's log lines, and writes the request's own
 * line (method, path, status, duration, tenant, user) to the JSON log when it is done.
 */
public class RequestLog extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestId.of(request);
        long t0 = RequestId.startNanos(request);
        response.setHeader(RequestId.HEADER, id);
        String previous = RequestId.current().orElse(null);
        RequestId.bind(id);
        int status = 500; // what the container answers when the chain throws
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (previous == null) {
                RequestId.unbind();
            } else {
                RequestId.bind(previous);
            }
            finished(request, status, t0);
        }
    }

    /** The request's line; also called for answers the authentication step gives before any filter runs. */
    public static void finished(HttpServletRequest request, int status, long startNanos) {
        Long tenant = null;
        Long user = null;
        if (request.getAttribute(CuadraAuthentication.REQUEST_PRINCIPAL) instanceof CuadraPrincipal p) {
            tenant = p.tenantId();
            user = p.userId();
        }
        String path = request.getRequestURI();
        ApplicationLog.request(new RequestRecord(request.getMethod(), path, status,
                (System.nanoTime() - startNanos) / 1_000, RequestId.of(request), tenant, user));
    }
}
