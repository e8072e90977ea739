package io.cuadra.web.tenants;

import io.cuadra.platform.application.PlatformOperators;
import io.cuadra.web.identity.OperatorCredential;
import io.cuadra.platform.application.CurrentOperator;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.SignInForm;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * The platform operator's own sign-in, first-run password and sign-out pages: the operator's credential
 * never goes through the tenants' login.
 */
@Named
@RequestScoped
public class OperatorSessionBacking {

    @Inject
    SecurityContext security;

    @EJB
    PlatformOperators operators;

    private String email;
    private String password;
    private String token;
    private String currentPassword;

    public String login() throws IOException {
        if (SignInForm.signIn(security, new OperatorCredential(email == null ? "" : email,
                password == null ? "" : password), request -> { }, () -> "/platform/tenants.xhtml")) {
            return null;
        }
        SignInForm.refuse("oplogin:password", Texts.get("login.invalid"));
        password = null;
        return null;
    }

    public String choosePassword() {
        if (FacesActions.succeeded(() -> operators.choosePassword(token, password))) {
            FacesActions.info(Texts.get("reset.done"));
            return "/platform/login?faces-redirect=true";
        }
        return null;
    }

    /** The operator's own password (account page); the change ends every session, this one too. */
    public String changePassword() throws IOException, ServletException {
        if (FacesActions.succeeded(() -> operators.changePassword(CurrentOperator.require(), currentPassword, password))) {
            signOutTo("/platform/login.xhtml?changed=true");
        }
        password = null;
        currentPassword = null;
        return null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public void logout() throws IOException, ServletException {
        signOutTo("/platform/login.xhtml");
    }

    private static void signOutTo(String page) throws IOException, ServletException {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ExternalContext ext = ctx.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        request.logout();
        ext.invalidateSession();
        ext.redirect(request.getContextPath() + page);
        ctx.responseComplete();
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

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
