package io.cuadra.web.identity;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.RoleDirectory;
import io.cuadra.identity.domain.Caller;
import io.cuadra.platform.application.CurrentOperator;
import io.cuadra.platform.application.Operator;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;

/**
 * After authentication, puts the caller (permissions from the current role matrix) and the tenant
 * in the thread's context for the whole request, and clears them afterwards whatever happens. A platform
 * operator gets no tenant: only the platform's operator context, on the platform's URLs.
 */
@WebFilter(filterName = "CallerFilter", urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class CallerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @EJB
    RoleDirectory roles;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object attribute = request.getAttribute(CuadraAuthentication.REQUEST_PRINCIPAL);
        if (attribute instanceof OperatorPrincipal op) {
            asOperator(op, request, response, chain);
            return;
        }
        if (!(attribute instanceof CuadraPrincipal p)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/platform/tenants")
                || request.getRequestURI().startsWith(request.getContextPath() + "/platform/account")) {
            response.sendError(403); // the operator's pages; the API refuses through CurrentOperator
            return;
        }
        var client = CuadraAuthentication.clientOf(request);
        // An error page is dispatched inside the same request: put back what was there, not nothing.
        Actor previousActor = TenantContext.current().orElse(null);
        Caller previousCaller = CurrentCaller.get().orElse(null);
        TenantContext.set(new Actor(p.tenantId(), p.userId(), p.name(), client.ip(), client.userAgent()));
        try {
            CurrentCaller.set(new Caller(p.userId(), p.tenantId(), p.name(), p.roles(),
                    roles.permissionsOf(p.tenantId(), p.roles()), p.allLocations(), p.locationIds()));
            chain.doFilter(request, response);
        } finally {
            restore(previousActor, previousCaller);
        }
    }

    /**
     * A platform operator reaches the platform's pages and API (and what every page needs) and nothing else:
     * no tenant is put in context, and a business URL answers 403 before any business code runs.
     */
    private static void asOperator(OperatorPrincipal op, HttpServletRequest request, HttpServletResponse response,
                                   FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean allowed = path.startsWith("/api/platform/") || path.startsWith("/platform/") || path.startsWith("/error/")
                || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
        if (!allowed) {
            if (CuadraAuthentication.isApi(request)) {
                CuadraAuthentication.writeProblem(request, response, Problem.of("operator-confined", "Forbidden",
                        Response.Status.FORBIDDEN, "A platform operator manages tenants and reads no tenant's"
                                + " business data."), null);
            } else if (path.equals("/") || path.equals("/index.xhtml")) {
                response.sendRedirect(request.getContextPath() + "/platform/tenants.xhtml");
            } else {
                response.sendError(403);
            }
            return;
        }
        Operator previous = CurrentOperator.get().orElse(null);
        CurrentOperator.set(op.operator());
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                CurrentOperator.clear();
            } else {
                CurrentOperator.set(previous);
            }
        }
    }

    private static void restore(Actor actor, Caller caller) {
        if (actor == null) {
            TenantContext.clear();
        } else {
            TenantContext.set(actor);
        }
        if (caller == null) {
            CurrentCaller.clear();
        } else {
            CurrentCaller.set(caller);
        }
    }
}
