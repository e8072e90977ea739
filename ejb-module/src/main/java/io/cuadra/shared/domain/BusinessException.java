package io.cuadra.shared.domain;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request the business refuses, with a sentence a person can act on. Thrown from domain and
 * application code; the boundary turns each kind into its HTTP status or a form message. The
 * transaction rolls back, so nothing is half-written.
 * <p>
 * The English sentence is the REST detail. A refusal people meet on a form also carries a message key
 * and its arguments ({@link #withKey}), which the back office words in the user's language beside the
 * field concerned; that field is the message's "field: ..." prefix unless named explicitly.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*): ");

    private String messageKey;
    private String[] arguments = new String[0];
    private String[] argumentTypes = new String[0];
    private String field;

    protected BusinessException(String message) {
        super(message);
    }

    /** Short, stable name of the kind of problem (the last segment of the problem type URI). */
    public abstract String kind();

    /**
     * Names the message people read (a bundle key under {@code rule.}) and its arguments. A coded argument (an
     * enum constant such as a status) or a day keeps its type, so the back office shows its words ("Registrada",
     * not REGISTERED) and the day as the country writes it; any other argument is shown as given.
     */
    public BusinessException withKey(String key, Object... args) {
        this.messageKey = key;
        this.arguments = Arrays.stream(args).map(BusinessException::code).toArray(String[]::new);
        this.argumentTypes = Arrays.stream(args).map(BusinessException::typeOf).toArray(String[]::new);
        return this;
    }

    private static String code(Object arg) {
        return arg instanceof Enum<?> e ? e.name() : String.valueOf(arg);
    }

    /** "OrderStatus", "ClosureDiscrepancy.Status" for a nested enum, "date" for a day, null for anything else. */
    private static String typeOf(Object arg) {
        if (arg instanceof Enum<?> e) {
            Class<?> type = e.getDeclaringClass();
            return !type.isMemberClass() ? type.getSimpleName()
                    : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
        }
        return arg instanceof java.time.LocalDate ? "date" : null;
    }

    /** Words this refusal as the one it wraps (its key and arguments), for a rule checked one level down. */
    public BusinessException withKeyOf(BusinessException cause) {
        this.messageKey = cause.messageKey;
        this.arguments = cause.arguments.clone();
        this.argumentTypes = cause.argumentTypes.clone();
        return this;
    }

    /** Names the field concerned when the message has no "field: " prefix (or a different one). */
    public BusinessException onField(String name) {
        this.field = name;
        return this;
    }

    public Optional<String> messageKey() {
        return Optional.ofNullable(messageKey);
    }

    public String[] arguments() {
        return arguments.clone();
    }

    /** The type of each argument ({@link #typeOf}): an enum's name, "date", or null when shown as given. */
    public String[] argumentTypes() {
        return argumentTypes.clone();
    }

    /** The input the refusal is about ("reference", "lines.lotId"), when one is. */
    public Optional<String> field() {
        if (field != null) {
            return Optional.of(field);
        }
        Matcher m = FIELD_PREFIX.matcher(String.valueOf(getMessage()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The sentence without its "field: " prefix, for a message already shown beside that field. */
    public String sentence() {
        String message = String.valueOf(getMessage());
        Matcher m = FIELD_PREFIX.matcher(message);
        return m.find() ? message.substring(m.end()) : message;
    }
}
