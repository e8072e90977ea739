package io.cuadra.web.shell;

import io.cuadra.shared.domain.BusinessException;
import io.cuadra.web.l10n.BusinessMessages;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.UIInput;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Optional;
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
                besideField(be.field().orElse(null), BusinessMessages.text(be));
                return null;
            }
            if (cause instanceof ConstraintViolationException cve) {
                FacesContext ctx = FacesContext.getCurrentInstance();
                for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                    String field = lastNode(v.getPropertyPath());
                    besideField(field, BusinessMessages.text(v, ctx.getViewRoot().getLocale()));
                }
                return null;
            }
            if (cause instanceof OptimisticLockException) {
                error(Texts.get("form.stale"));
                return null;
            }
            throw e;
        }
    }

    /** The message beside the input the field names (marked invalid), or on the form when none is shown. */
    public static void besideField(String field, String text) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        Optional<String> cell = BusinessMessages.rowInput(field);
        if (cell.isPresent()) {
            // A cell of a table row: beside that row's input (its p:message), not repeated in the banner.
            FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
            message.rendered();
            ctx.addMessage(cell.get(), message);
            ctx.validationFailed();
            return;
        }
        Optional<UIInput> input = BusinessMessages.inputFor(field);
        if (input.isEmpty()) {
            error(text);
            return;
        }
        keepShown(ctx, input.get());
        input.get().setValid(false);
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
        if (BusinessMessages.shownBeside(input.get())) {
            // Shown beside its field: a page's banner with redisplay="false" does not repeat it on top.
            message.rendered();
        }
        ctx.addMessage(input.get().getClientId(ctx), message);
        ctx.validationFailed(); // a dialog stays open on the field to correct
    }

    /**
     * A refusal of the business comes after the model was updated, so the input has no submitted value left; an
     * invalid input without one is drawn empty once validation failed (PrimeFaces, with empty strings read as
     * null), and the next save would send it empty. It keeps showing what was typed instead.
     */
    private static void keepShown(FacesContext ctx, UIInput input) {
        if (input.getSubmittedValue() != null) {
            return;
        }
        Object value = input.getValue();
        jakarta.faces.convert.Converter<Object> converter = input.getConverter() != null ? input.getConverter()
                : value == null ? null : ctx.getApplication().createConverter(value.getClass());
        input.setSubmittedValue(value == null ? "" : converter == null ? value.toString()
                : converter.getAsString(ctx, input, value));
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name;
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
