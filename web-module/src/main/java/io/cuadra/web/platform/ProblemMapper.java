package io.cuadra.web.platform;

import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.infrastructure.SqlFailure;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure of a REST call into RFC 9457 problem+json. Nothing internal leaves the
 * server: an unexpected error answers 500 with an incident id that is also written to server.log
 * with the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = toProblem(unwrap(thrown));
        if (uriInfo != null) {
            problem = problem.withInstance(uriInfo.getRequestUri());
        }
        return problem.toResponse();
    }

    Problem toProblem(Throwable t) {
        if (t instanceof BusinessException be) {
            Response.StatusType status = statusOf(be);
            return Problem.of(be.kind(), status.getReasonPhrase(), status, be.getMessage())
                    .withCode(be.messageKey().orElse(null));
        }
        if (t instanceof jakarta.persistence.OptimisticLockException) {
            return Problem.of("precondition-failed", "Precondition Failed", Response.Status.PRECONDITION_FAILED,
                    "Somebody changed it at the same time: reload it and apply your change again.");
        }
        if (t instanceof ConstraintViolationException cve) {
            List<Problem.FieldError> errors = fieldErrors(cve);
            return Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                    .withErrors(errors);
        }
        if (t instanceof UnreadableBody unreadable) {
            Problem problem = Problem.of("malformed-request", "Malformed request body", Response.Status.BAD_REQUEST,
                    unreadable.getMessage());
            return unreadable.errors().isEmpty() ? problem : problem.withErrors(unreadable.errors());
        }
        if (t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException) {
            return contention();
        }
        Optional<SqlFailure> sql = SqlFailure.of(t);
        if (sql.isPresent()) {
            Problem refused = DatabaseRefusals.toProblem(sql.get());
            if (refused != null) {
                return refused;
            }
        }
        if (t instanceof WebApplicationException wae) {
            Response.StatusType status = wae.getResponse().getStatusInfo();
            return Problem.of(kindOf(status), status.getReasonPhrase(), status, detailOf(wae, status));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident, t);
        return Problem.of("internal", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Incident " + incident + " has been logged.");
    }

    /** A deadlock or serialization failure that persisted through the server's own retry. */
    static Problem contention() {
        return Problem.of("conflict", "Conflict", Response.Status.CONFLICT,
                "Other changes to the same data were being made at the same moment; send it again.");
    }

    static Response.StatusType statusOf(BusinessException e) {
        return switch (e.kind()) {
            case "not-found" -> Response.Status.NOT_FOUND;
            case "conflict" -> Response.Status.CONFLICT;
            case "precondition-failed" -> Response.Status.PRECONDITION_FAILED;
            case "forbidden" -> Response.Status.FORBIDDEN;
            case "precondition-required" -> new Status(428, "Precondition Required");
            default -> new Status(422, "Unprocessable Content");
        };
    }

    /** Statuses jakarta.ws.rs does not name. */
    public record Status(int getStatusCode, String getReasonPhrase) implements Response.StatusType {
        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(getStatusCode);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof EJBException || current instanceof jakarta.transaction.RollbackException
                || current instanceof jakarta.persistence.RollbackException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static List<Problem.FieldError> fieldErrors(ConstraintViolationException cve) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** "register.request.lines[0].quantity" becomes "lines[0].quantity": the client's view of the field. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(node.getName());
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        if (name.length() == 0) {
            return parameter != null ? parameter : "request";
        }
        return name.toString();
    }

    private static String kindOf(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            default -> "http-" + status.getStatusCode();
        };
    }

    private static String detailOf(WebApplicationException wae, Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 404 -> "No resource at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "This address does not accept that content type; send application/json.";
            default -> wae.getMessage() != null && !wae.getMessage().startsWith("HTTP ")
                    ? wae.getMessage() : status.getReasonPhrase();
        };
    }
}
