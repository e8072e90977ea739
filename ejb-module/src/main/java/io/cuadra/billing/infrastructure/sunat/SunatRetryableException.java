package io.cuadra.billing.infrastructure.sunat;

import java.util.Optional;

/**
 * SUNAT did not register the document, so it may be sent again: SUNAT was unreachable or slow, answered
 * something unreadable, or raised an exception (codes 0100–1999). Some exceptions clear up by themselves (0100,
 * 0109, 0130–0138: SUNAT's own trouble); others need the document or the setup fixed first (0102 wrong login,
 * 1034–1036 names that do not match the content) and will fail the same way until then. 1033 means that number
 * is already registered: query SUNAT for its CDR instead of sending it again.
 */
public class SunatRetryableException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The connection could not be made or broke. */
        NETWORK,
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** SUNAT answered with a SOAP fault or a CDR in the exception range, or a fault without code. */
        SUNAT_EXCEPTION,
        /** An answer that is not the SOAP SUNAT speaks: an HTML error page, another HTTP status, bad base64... */
        UNEXPECTED_RESPONSE,
        /** The waiting thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED
    }

    private final Reason reason;
    private final String code;

    public SunatRetryableException(Reason reason, String code, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.code = code;
    }

    static SunatRetryableException sunatException(String code, String message) {
        return new SunatRetryableException(Reason.SUNAT_EXCEPTION, code,
                (code == null ? "SUNAT fault" : "SUNAT exception " + code) + ": " + message, null);
    }

    static SunatRetryableException unexpected(String message, Throwable cause) {
        return new SunatRetryableException(Reason.UNEXPECTED_RESPONSE, null, message, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** SUNAT's return code ("0100", "1033"...) when SUNAT itself answered. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Exception 1033: this series-number is already registered with SUNAT. */
    public boolean alreadyRegistered() {
        return "1033".equals(code);
    }
}
