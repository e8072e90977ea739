package io.cuadra.web.lab;

import io.cuadra.lab.application.LabResults;
import io.cuadra.web.platform.Problem;
import io.cuadra.web.platform.ProblemMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a LIS posts results over REST instead of sending an ORU^R01 over MLLP, per tenant and without a Cuadra
 * sign-in: the header {@code X-Lis-Token} with the tenant's results token is the credential (not
 * {@code Authorization: Bearer}, which the platform reads as a user's access token). The same outcomes
 * as over MLLP: taken (200), unreadable (400), unknown order (404), a repeat (409), not for this order (422);
 * each refusal is logged in the sync log and changes nothing else. Body:
 * {@code {"messageId":"R-1","placerOrderNumber":"123","results":[{"code":"GLU","value":"92","units":"mg/dL","flag":"N"}]}}.
 */
@RequestScoped
@Path("hooks/lis/{tenantId}/results")
@Tag(name = "Laboratory")
public class LisResultsResource {

    /** The header carrying the tenant's results token. */
    public static final String TOKEN_HEADER = "X-Lis-Token";

    /** Results of one order are a few kilobytes; this is far above any of them. */
    private static final int MAX_BODY = 1 << 20;
    private static final Response.StatusType UNPROCESSABLE = new ProblemMapper.Status(422, "Unprocessable Content");

    @Inject
    LabResults results;

    @Context
    UriInfo uri;

    @Context
    jakarta.servlet.http.HttpServletRequest servletRequest;

    /** What a taken message did. */
    public record Taken(long orderId, String status) {
    }

    /** The callback's path under {@code /api} for a tenant. */
    public static String pathFor(long tenantId) {
        return "hooks/lis/" + tenantId + "/results";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postLabResults", summary = "Results of one order from the LIS (header X-Lis-Token:"
            + " the tenant's results token)")
    @APIResponse(responseCode = "200", description = "Taken: the lab lines are resulted",
            content = @Content(schema = @Schema(implementation = Taken.class)))
    public Response postLabResults(@PathParam("tenantId") long tenantId,
                                   @HeaderParam(TOKEN_HEADER) String token) throws IOException {
        byte[] body = servletRequest.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return Problem.of("payload-too-large", "Payload Too Large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "A results body may be at most " + MAX_BODY + " bytes.").toResponse();
        }
        LabResults.CallbackAnswer answer = results.receiveCallback(tenantId, token,
                new String(body, StandardCharsets.UTF_8));
        if (answer.status() == 200) {
            return Response.ok(new Taken(answer.orderId(), "RESULTED")).build();
        }
        Response.StatusType status = answer.status() == 422 ? UNPROCESSABLE
                : Response.Status.fromStatusCode(answer.status());
        String kind = switch (answer.status()) {
            case 400 -> "invalid-results";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 409 -> "duplicate-results";
            case 422 -> "results-refused";
            default -> "unavailable";
        };
        return Problem.of(kind, status.getReasonPhrase(), status, answer.detail())
                .withInstance(uri.getRequestUri()).toResponse();
    }
}
