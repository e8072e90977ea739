package io.cuadra.web.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} names the kind of problem with a stable URI under
 * {@code /problems/}; {@code errors} lists every rejected field of a validation failure.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "code", "requestId"})
public record Problem(
        @Schema(type = SchemaType.STRING, format = "uri", example = "https://cuadra.io/problems/validation")
        URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(type = SchemaType.STRING, format = "uri") URI instance,
        @Schema(type = SchemaType.ARRAY, implementation = FieldError.class,
                description = "Rejected fields, for validation problems") List<FieldError> errors,
        @Schema(example = "payment.reference",
                description = "Stable code of the business rule refused, for clients that word it themselves")
        String code,
        @Schema(example = "0b8f6f0e-3c1d-4a57-9d36-2f7d0f3e9a11",
                description = "The request's X-Request-Id (the caller's when well formed, else generated): the key to"
                        + " its lines in the server's JSON log")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://cuadra.io/problems/";

    public static Problem of(String kind, String title, Response.StatusType status, String detail) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status.getStatusCode(), detail, null, null, null, null);
    }

    public Problem withInstance(URI instance) {
        return new Problem(type, title, status, detail, instance, errors, code, requestId);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, code, requestId);
    }

    public Problem withCode(String ruleCode) {
        return new Problem(type, title, status, detail, instance, errors, ruleCode, requestId);
    }

    /** The same problem naming the request it answers (ops lane: the key to the request's log lines). */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, code, id);
    }

    /** The request this thread serves, when this problem does not name one yet. */
    private Problem ofCurrentRequest() {
        return requestId != null ? this : RequestId.current().map(this::withRequestId).orElse(this);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(ofCurrentRequest()).build();
    }

    /** With one header more, such as Retry-After on 429 and 503. */
    public Response toResponse(String header, String value) {
        return Response.status(status).type(PROBLEM_JSON).header(header, value).entity(ofCurrentRequest()).build();
    }

    /** One rejected input field: its JSON path and why. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "number") String field,
                             @Schema(example = "must not be blank") String message) {
    }
}
