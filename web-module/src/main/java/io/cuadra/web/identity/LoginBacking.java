package io.cuadra.web.identity;

import io.cuadra.identity.application.LoginOutcome;
import io.cuadra.web.shell.LocaleSelector;
import io.cuadra.web.shell.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The login form: authenticates through Jakarta Security, then gives the session a new id. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    LocaleSelector locale;

    private String email;
    private String password;
    private String next;

    public String login() throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(email == null ? "" : email,
                                password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            if (request.getAttribute(CuadraAuthentication.LOGIN_OUTCOME) instanceof LoginOutcome.SignedIn in) {
                locale.signedIn(in.user().id());
            }
            request.changeSessionId(); // no session fixation: the pre-login id is worthless
            ext.redirect(request.getContextPath() + safeNext());
            ctx.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            ctx.responseComplete();
            return null;
        }
        Object outcome = request.getAttribute(CuadraAuthentication.LOGIN_OUTCOME);
        String text = outcome instanceof LoginOutcome.LockedOut ? Texts.get("login.locked")
                : outcome instanceof LoginOutcome.TenantSuspended ? Texts.get("login.suspended")
                : Texts.get("login.invalid");
        ctx.addMessage("login:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        if (!ext.isResponseCommitted()) {
            ext.setResponseStatus(HttpServletResponse.SC_OK); // the form again, never the server's own 401 page
        }
        password = null;
        return null;
    }

    /** Only a path inside the application, so the login page cannot be used to redirect elsewhere. */
    private String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")
                || next.contains("\\")) {
            return "/index.xhtml";
        }
        return next;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
