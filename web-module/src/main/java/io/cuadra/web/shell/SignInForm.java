package io.cuadra.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the two sign-in forms (the tenants' people, the platform's operators) do alike: authenticate the typed
 * credential; when it is right, a new session id (no fixation) and the next page; when not, the form again with
 * the message beside the password, answered 200 — never the server's own 401 page.
 */
public final class SignInForm {

    private SignInForm() {
    }

    /** True when the request is answered (signed in and redirected, or the mechanism continues it). */
    public static boolean signIn(SecurityContext security, Credential credential, Consumer<HttpServletRequest> signedIn,
                                 Supplier<String> next) throws IOException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = request();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true).credential(credential));
        if (status == AuthenticationStatus.SUCCESS) {
            signedIn.accept(request);
            request.changeSessionId();
            ext.redirect(request.getContextPath() + next.get());
            ctx.responseComplete();
            return true;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            ctx.responseComplete();
            return true;
        }
        return false;
    }

    /** The refusal beside the password input ({@code passwordClientId}), the form answered 200. */
    public static void refuse(String passwordClientId, String text) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ctx.addMessage(passwordClientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        if (!ctx.getExternalContext().isResponseCommitted()) {
            ctx.getExternalContext().setResponseStatus(HttpServletResponse.SC_OK);
        }
    }

    public static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
