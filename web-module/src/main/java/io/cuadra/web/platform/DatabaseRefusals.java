package io.cuadra.web.platform;

import io.cuadra.shared.infrastructure.SqlFailure;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The database's refusals that are the client's doing, as problems: a taken name (409 naming the
 * field), a value a column cannot hold (400), a reference to something missing (422) or still in use
 * (409), a collision with another transaction that outlived the server's retry (409). The server's
 * checks come first; this is the net under them, so that a client's input never ends in a 500.
 */
final class DatabaseRefusals {

    private static final Response.StatusType UNPROCESSABLE = new ProblemMapper.Status(422, "Unprocessable Content");

    private DatabaseRefusals() {
    }

    /** The problem for {@code failure}, or null when it is no client's doing (then: 500 and an incident). */
    static Problem toProblem(SqlFailure failure) {
        String fields = failure.fields();
        String field = fields.isEmpty() ? "request" : fields;
        return switch (failure.state()) {
            case SqlFailure.UNIQUE_VIOLATION -> Problem.of("conflict", "Conflict", Response.Status.CONFLICT,
                            (fields.isEmpty() ? "That value" : fields) + " is already taken by another record.")
                    .withErrors(List.of(new Problem.FieldError(field, "is already taken")));
            case SqlFailure.NOT_NULL_VIOLATION -> Problem.of("validation", "Invalid request",
                            Response.Status.BAD_REQUEST, field + " is required.")
                    .withErrors(List.of(new Problem.FieldError(field, "must not be null")));
            case SqlFailure.FOREIGN_KEY_VIOLATION -> failure.message().contains("still referenced")
                    ? Problem.of("conflict", "Conflict", Response.Status.CONFLICT,
                    "It is still in use (" + field + ") and cannot be removed.")
                    : Problem.of("unprocessable", "Unprocessable Content", UNPROCESSABLE, field + " names nothing that exists.")
                    .withErrors(List.of(new Problem.FieldError(field, "names nothing that exists")));
            case SqlFailure.CHECK_VIOLATION -> Problem.of("unprocessable", "Unprocessable Content",
                    UNPROCESSABLE,
                    "A value is outside what this record allows.");
            default -> {
                if (failure.isContention()) {
                    yield ProblemMapper.contention();
                }
                if (failure.isBadValue()) {
                    yield Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                            "A value is too long, out of range or not valid text for where it is stored.");
                }
                yield null;
            }
        };
    }
}
