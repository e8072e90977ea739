package io.cuadra.web.identity;

import io.cuadra.identity.application.LoginOutcome;
import io.cuadra.web.shell.LocaleSelector;
import io.cuadra.web.shell.SignInForm;
import io.cuadra.web.shell.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

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
        if (SignInForm.signIn(security, new UsernamePasswordCredential(email == null ? "" : email,
                password == null ? "" : password), request -> {
                    if (request.getAttribute(CuadraAuthentication.LOGIN_OUTCOME) instanceof LoginOutcome.SignedIn in) {
                        locale.signedIn(in.user().id());
                    }
                }, this::safeNext)) {
            return null;
        }
        Object outcome = SignInForm.request().getAttribute(CuadraAuthentication.LOGIN_OUTCOME);
        SignInForm.refuse("login:password", outcome instanceof LoginOutcome.LockedOut ? Texts.get("login.locked")
                : outcome instanceof LoginOutcome.TenantSuspended ? Texts.get("login.suspended")
                : Texts.get("login.invalid"));
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
