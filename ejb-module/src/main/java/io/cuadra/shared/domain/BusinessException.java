package io.cuadra.shared.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request the business refuses, with a sentence a person can act on. Thrown from domain and
 * application code; the boundary turns each kind into its HTTP status or a form message. The
 * transaction rolls back, so nothing is half-written.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BusinessException(String message) {
        super(message);
    }

    /** Short, stable name of the kind of problem (the last segment of the problem type URI). */
    public abstract String kind();
}
