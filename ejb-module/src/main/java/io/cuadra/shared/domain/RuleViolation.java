package io.cuadra.shared.domain;

/** The request is well-formed but breaks a business rule. */
public class RuleViolation extends BusinessException {

    private static final long serialVersionUID = 1L;

    public RuleViolation(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "unprocessable";
    }
}
