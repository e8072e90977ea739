package io.cuadra.web.platform;

/**
 * A query, path or header parameter whose text is not a value of its type: the client's 400, naming the
 * parameter. Not an IllegalArgumentException on purpose: the JAX-RS runtime (Jersey) turns those into the
 * parameter's default (null) silently; anything else it wraps in a 404 whose cause {@link ProblemMapper} finds.
 */
public class BadParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String reason;

    public BadParameter(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
