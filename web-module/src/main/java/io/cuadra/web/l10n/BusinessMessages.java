package io.cuadra.web.l10n;

import io.cuadra.shared.domain.BusinessException;
import io.cuadra.web.shell.Texts;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.util.Locale;
import java.util.Optional;

/**
 * Words a refusal of the business in the user's language: the exception's message key under
 * {@code rule.} when it has one (the English sentence otherwise, without its "field: " prefix), and
 * finds the input of the form it is about.
 */
public final class BusinessMessages {

    /** Marks an input with the name the business gives its field when the id differs ({@code f:attribute}). */
    public static final String FIELD_ATTRIBUTE = "cuadraField";

    private BusinessMessages() {
    }

    /** Built once: a validator factory is costly, its interpolator is thread-safe. */
    private static final class Interpolator {
        static final MessageInterpolator INSTANCE = Validation.buildDefaultValidatorFactory().getMessageInterpolator();
    }

    public static String text(BusinessException e) {
        Optional<String> key = e.messageKey().map(k -> "rule." + k);
        if (key.isPresent()) {
            String text = Texts.get(key.get(), (Object[]) e.arguments());
            if (!text.equals(key.get())) {
                return text;
            }
        }
        return e.sentence();
    }

    /** A Bean Validation message in the user's language (the server wrote it in its own). */
    public static String text(ConstraintViolation<?> violation, Locale locale) {
        return Interpolator.INSTANCE.interpolate(violation.getMessageTemplate(), new MessageInterpolator.Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return violation.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return violation.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new jakarta.validation.ValidationException("Not unwrappable to " + type);
            }
        }, locale);
    }

    /**
     * The input of the current view a field name points at: one marked with {@link #FIELD_ATTRIBUTE}, else one
     * whose id is the field's last segment ("payments[1].reference" → reference).
     */
    public static Optional<UIInput> inputFor(String field) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (field == null || ctx == null || ctx.getViewRoot() == null) {
            return Optional.empty();
        }
        String last = field.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        UIInput[] found = new UIInput[2];
        String id = last;
        find(ctx.getViewRoot(), field, id, found);
        return Optional.ofNullable(found[0] != null ? found[0] : found[1]);
    }

    private static void find(UIComponent c, String field, String id, UIInput[] found) {
        if (c instanceof UIInput input && c.isRendered()) {
            if (found[0] == null && field.equals(c.getAttributes().get(FIELD_ATTRIBUTE))) {
                found[0] = input;
            } else if (found[1] == null && id.equals(c.getId())) {
                found[1] = input;
            }
        }
        if (found[0] != null) {
            return;
        }
        for (var it = c.getFacetsAndChildren(); it.hasNext(); ) {
            find(it.next(), field, id, found);
        }
    }
}
