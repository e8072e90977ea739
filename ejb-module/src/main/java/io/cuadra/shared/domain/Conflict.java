package io.cuadra.shared.domain;

/** The request conflicts with the current state (illegal status transition, duplicate, stock short). */
public class Conflict extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "conflict";
    }
}
