package io.cuadra.shared.domain;

/** Nothing of that kind exists for you here (another tenant's or location's data answers the same). */
public class NotFound extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
