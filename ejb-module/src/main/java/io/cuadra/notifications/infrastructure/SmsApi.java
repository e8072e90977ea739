package io.cuadra.notifications.infrastructure;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A Twilio-compatible Messages resource: form-encoded To, From, Body; HTTP Basic with the account SID. */
public interface SmsApi {

    @POST
    @Path("2010-04-01/Accounts/{sid}/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("sid") String accountSid, @HeaderParam("Authorization") String authorization,
                  @HeaderParam("Idempotency-Key") String idempotencyKey, Form form);
}
