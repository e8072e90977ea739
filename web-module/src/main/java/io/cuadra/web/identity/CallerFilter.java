package io.cuadra.web.identity;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.RoleDirectory;
import io.cuadra.identity.domain.Caller;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * After authentication, puts the caller (permissions from the current role matrix) and the tenant
 * in the thread's context for the whole request, and clears them afterwards whatever happens.
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
        if (!(attribute instanceof CuadraPrincipal p)) {
            chain.doFilter(request, response);
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
