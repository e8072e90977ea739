package io.cuadra.web.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures as problem+json: more specific than Jersey's own validation mapper, so it wins. */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        ProblemMapper mapper = new ProblemMapper();
        mapper.uriInfo = uriInfo;
        return mapper.toResponse(e);
    }
}
