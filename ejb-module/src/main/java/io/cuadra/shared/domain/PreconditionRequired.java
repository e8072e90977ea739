package io.cuadra.shared.domain;

/** An update must say which version it changes (If-Match). */
public class PreconditionRequired extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequired(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "precondition-required";
    }
}
