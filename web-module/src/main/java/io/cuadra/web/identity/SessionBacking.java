package io.cuadra.web.identity;

import io.cuadra.identity.application.AuthService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Who is signed in, for the header, and signing out. */
@Named("userSession")
@RequestScoped
public class SessionBacking {

    @EJB
    AuthService auth;

    public String getEmail() {
        return CurrentCaller.get().map(Caller::email).orElse("");
    }

    public boolean isSignedIn() {
        return CurrentCaller.get().isPresent();
    }

    public void logout() throws IOException, ServletException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        CurrentCaller.get().ifPresent(c ->
                auth.recordSessionSignOut(c.userId(), c.tenantId(), CuadraAuthentication.clientOf(request)));
        request.logout();
        ext.invalidateSession();
        ext.redirect(request.getContextPath() + "/login.xhtml");
        ctx.responseComplete();
    }
}
