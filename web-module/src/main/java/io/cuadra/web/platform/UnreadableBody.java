package io.cuadra.web.platform;

/** A request body that could not be read as the JSON the operation expects: always the client's 400. */
public class UnreadableBody extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableBody(String message, Throwable cause) {
        super(message, cause);
    }
}
