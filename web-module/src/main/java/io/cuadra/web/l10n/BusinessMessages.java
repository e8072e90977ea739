package io.cuadra.web.l10n;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.web.shell.Texts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Words a refusal of the business in the user's language: the exception's message key under
 * {@code rule.} when it has one (the English sentence otherwise, without its "field: " prefix), and
 * finds the input of the form it is about.
 */
public final class BusinessMessages {

    /**
     * Marks an input with the name (or comma-separated names) the business gives its field when the id differs
     * ({@code f:attribute}).
     */
    public static final String FIELD_ATTRIBUTE = "cuadraField";

    private BusinessMessages() {
    }

    /** Built once: a validator factory is costly, its interpolator is thread-safe. */
    private static final class Interpolator {
        static final MessageInterpolator INSTANCE = Validation.buildDefaultValidatorFactory().getMessageInterpolator();
    }

    /**
     * Where the words of a coded argument live: the prefix the pages already use for that enum's labels; any
     * other enum has its words under {@code enum.<Type>}.
     */
    private static final Map<String, String> WORDS = Map.of(
            "OrderStatus", "orders.status",
            "PaymentStatus", "orders.paymentStatus",
            "DocumentStatus", "billing.status",
            "StockCountStatus", "counts.status",
            "PurchaseOrderStatus", "purchaseOrders.status",
            "ClosureStatus", "reconciliation.status",
            "CreditState", "reconciliation.bank.status",
            "SyncStatus", "lab.status",
            "BatchStatus", "imports.status",
            "BankStatement.Status", "enum.BankStatement");

    public static String text(BusinessException e) {
        Optional<String> key = e.messageKey().map(k -> "rule." + k);
        if (key.isPresent()) {
            String text = Texts.get(key.get(), shown(e.arguments(), e.argumentTypes()));
            if (!text.equals(key.get())) {
                return text;
            }
        }
        return e.sentence();
    }

    /** The arguments as people read them: a status by its words, a day as the country writes it, the rest as given. */
    static Object[] shown(String[] arguments, String[] types) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            String type = i < types.length ? types[i] : null;
            if (type == null) {
                shown[i] = arguments[i];
            } else if (type.equals("date")) {
                shown[i] = CDI.current().select(Formats.class).get().date(LocalDate.parse(arguments[i]));
            } else {
                String wordKey = WORDS.getOrDefault(type, "enum." + type) + "." + arguments[i];
                String words = Texts.get(wordKey);
                // a status sits inside a sentence ("El conteo 5 está confirmado")
                shown[i] = words.equals(wordKey) ? arguments[i]
                        : words.substring(0, 1).toLowerCase(Texts.locale()) + words.substring(1);
            }
        }
        return shown;
    }

    /** Why a document number is wrong, in the user's words (the check's English sentence when no key). */
    public static String text(DocumentCheck check) {
        if (check.valid()) {
            return null;
        }
        String key = "rule." + check.problemKey();
        String text = Texts.get(key, check.problemArgs().toArray());
        return text.equals(key) ? check.problem() : text;
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

    /** A field of one row: the rows' name, the row's index and the cell ("payments[1].reference"). */
    private static final java.util.regex.Pattern ROW_FIELD = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)]\\.([\\w.]+)$");

    /**
     * The client id of the input a row's field names ("lines[1].quantity" → counter:lines:1:qty): the rows are a
     * table or repeat whose id or {@link #FIELD_ATTRIBUTE} is the rows' name, the cell an input of it whose id or
     * {@link #FIELD_ATTRIBUTE} is the field's last segment. Empty when the view shows no such rows.
     */
    public static Optional<String> rowInput(String field) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        java.util.regex.Matcher m = field == null ? null : ROW_FIELD.matcher(field);
        if (ctx == null || ctx.getViewRoot() == null || m == null || !m.matches()) {
            return Optional.empty();
        }
        String cell = m.group(3).substring(m.group(3).lastIndexOf('.') + 1);
        UIComponent rows = rows(ctx.getViewRoot(), m.group(1));
        UIComponent input = rows == null ? null : cell(rows, cell);
        if (input == null) {
            return Optional.empty();
        }
        char sep = jakarta.faces.component.UINamingContainer.getSeparatorChar(ctx);
        return Optional.of(rows.getClientId(ctx) + sep + m.group(2) + sep + input.getId());
    }

    private static boolean iterates(UIComponent c) {
        return c instanceof jakarta.faces.component.UIData || c.getClass().getSimpleName().equals("UIRepeat");
    }

    private static boolean answersFor(UIComponent c, String name) {
        return name.equals(c.getId()) || names(c.getAttributes().get(FIELD_ATTRIBUTE)).contains(name);
    }

    private static UIComponent rows(UIComponent c, String name) {
        if (iterates(c) && c.isRendered() && answersFor(c, name)) {
            return c;
        }
        for (var it = c.getFacetsAndChildren(); it.hasNext(); ) {
            UIComponent found = rows(it.next(), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The row's input for the cell; whether it shows in a given row is that row's business (not judged here). */
    private static UIComponent cell(UIComponent c, String name) {
        for (var it = c.getFacetsAndChildren(); it.hasNext(); ) {
            UIComponent child = it.next();
            if (child instanceof UIInput && answersFor(child, name)) {
                return child;
            }
            UIComponent found = iterates(child) ? null : cell(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Whether a message component of the view shows the messages of {@code input} beside it. */
    public static boolean shownBeside(UIInput input) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        boolean[] found = {false};
        findMessage(ctx.getViewRoot(), input.getId(), found);
        return found[0];
    }

    private static void findMessage(UIComponent c, String id, boolean[] found) {
        if (c instanceof jakarta.faces.component.UIMessage m && id.equals(m.getFor()) && m.isRendered()) {
            found[0] = true;
            return;
        }
        for (var it = c.getFacetsAndChildren(); it.hasNext() && !found[0]; ) {
            findMessage(it.next(), id, found);
        }
    }

    /** The business names an input answers for: one, or several separated by commas ("content,fileName"). */
    private static java.util.List<String> names(Object attribute) {
        return attribute == null ? java.util.List.of() : java.util.List.of(attribute.toString().split("\\s*,\\s*"));
    }

    private static void find(UIComponent c, String field, String id, UIInput[] found) {
        if (c instanceof UIInput input && c.isRendered()) {
            if (found[0] == null && names(c.getAttributes().get(FIELD_ATTRIBUTE)).contains(field)) {
                found[0] = input;
            } else if (found[1] == null && id.equals(c.getId())) {
                found[1] = input;
            }
        }
        // Rows of a table or repeat share one component: outside the iteration it names no row, so the form shows it.
        if (found[0] != null || c instanceof jakarta.faces.component.UIData
                || c.getClass().getSimpleName().equals("UIRepeat")) {
            return;
        }
        for (var it = c.getFacetsAndChildren(); it.hasNext(); ) {
            find(it.next(), field, id, found);
        }
    }
}
