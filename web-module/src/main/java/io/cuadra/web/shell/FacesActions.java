package io.cuadra.web.shell;

import io.cuadra.shared.domain.BusinessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;

import java.util.function.Supplier;

/**
 * Runs a form's action and turns a refusal into a message on the form: the page stays, what the
 * user typed stays, and nothing was stored (the service's transaction rolled back).
 */
public final class FacesActions {

    private FacesActions() {
    }

    /** Runs the action; false (and a message on the form) when the business refused it. */
    public static boolean succeeded(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    public static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause instanceof EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof BusinessException be) {
                error(be.getMessage());
                return null;
            }
            if (cause instanceof OptimisticLockException) {
                error(Texts.get("form.stale"));
                return null;
            }
            throw e;
        }
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String text) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        ctx.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        ctx.getExternalContext().getFlash().setKeepMessages(true);
    }
}
