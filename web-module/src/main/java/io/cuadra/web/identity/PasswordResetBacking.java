package io.cuadra.web.identity;

import io.cuadra.identity.application.AuthService;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** "Forgot password" and "choose a new password" pages. */
@Named
@RequestScoped
public class PasswordResetBacking {

    @EJB
    AuthService auth;

    private String email;
    private String token;
    private String newPassword;

    public void requestLink() {
        auth.requestPasswordReset(email, CuadraAuthentication.clientOf(request()));
        FacesActions.info(Texts.get("forgot.sent"));
    }

    public String reset() {
        boolean done = FacesActions.succeeded(() ->
                auth.resetPassword(token, newPassword, CuadraAuthentication.clientOf(request())));
        if (done) {
            FacesActions.info(Texts.get("reset.done"));
            return "/login?faces-redirect=true";
        }
        return null;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
