package io.cuadra.web.shell;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;

/**
 * Pages declare the permission they need to be opened ({@code <f:viewAction action="#{pageGuard.require('users:view')}"/>});
 * without it the user gets the friendly 403 page. Actions on the page carry their own {@code @Permitted}.
 */
@Named
@RequestScoped
public class PageGuard {

    public void require(String permission) throws IOException {
        if (!can(permission)) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().responseSendError(403, "Forbidden");
            ctx.responseComplete();
        }
    }

    public boolean can(String permission) {
        return CurrentCaller.get().map(c -> c.can(Permission.parse(permission))).orElse(false);
    }
}
