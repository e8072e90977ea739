package io.cuadra.shared.domain;

/** The caller lacks the permission this action needs. */
public class AccessDenied extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "forbidden";
    }
}
