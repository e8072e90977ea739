package io.cuadra.shared.domain;

/** Somebody changed it since you read it: reload and apply your change again. */
public class StaleVersion extends BusinessException {

    private static final long serialVersionUID = 1L;

    public StaleVersion(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "precondition-failed";
    }
}
