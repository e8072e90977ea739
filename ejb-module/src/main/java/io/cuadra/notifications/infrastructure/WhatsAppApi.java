package io.cuadra.notifications.infrastructure;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The WhatsApp Business Cloud API's send endpoint (Graph API): a JSON message, a bearer token. */
public interface WhatsAppApi {

    @POST
    @Path("{version}/{phoneNumberId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
                  @HeaderParam("Authorization") String authorization,
                  @HeaderParam("Idempotency-Key") String idempotencyKey, String body);
}
