package io.cuadra.web.platform;

import java.util.List;

/** A request body that could not be read as the JSON the operation expects: always the client's 400. */
public class UnreadableBody extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The fields that do not fit the operation's types, when the body is JSON but the wrong shape. */
    private final transient List<Problem.FieldError> errors;

    public UnreadableBody(String message, Throwable cause) {
        super(message, cause);
        this.errors = List.of();
    }

    public UnreadableBody(List<Problem.FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields do not have the type this operation takes");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
