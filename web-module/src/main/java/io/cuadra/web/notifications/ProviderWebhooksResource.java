package io.cuadra.web.notifications;

import io.cuadra.notifications.application.DeliveryReports;
import io.cuadra.notifications.application.ProviderSettings;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.infrastructure.CallbackUrls;
import io.cuadra.notifications.infrastructure.WebhookSignatures;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the messaging providers call back, per tenant and without a Cuadra sign-in: the provider's signature
 * is the credential (WhatsApp's {@code X-Hub-Signature-256} with the tenant's app secret, Twilio's
 * {@code X-Twilio-Signature} with its auth token). Delivery reports move SENT messages to DELIVERED or FAILED;
 * a STOP reply opts the customer out of that channel. A report about a message not known yet answers 404, so
 * the provider sends it again (it may have overtaken the recording of the send).
 */
@RequestScoped
@Path("webhooks/{tenantId}")
@Tag(name = "Provider callbacks")
public class ProviderWebhooksResource {

    @EJB
    DeliveryReports reports;

    /** The address the provider was given (Twilio signs the URL it called, which a proxy may have rewritten). */
    @Inject
    CallbackUrls callbackUrls;

    @Context
    UriInfo uri;

    @Context
    jakarta.servlet.http.HttpServletRequest servletRequest;

    private static final int MAX_BODY = 1 << 20;

    /** Made once: {@code Json.createReader} looks the JSON provider up again on every call (a service lookup). */
    private static final jakarta.json.JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    /** What one callback did, for the provider's logs and ours. */
    public record Handled(int statuses, int applied, int optOuts) {
    }

    @POST
    @Path("whatsapp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postWhatsAppWebhook", summary = "WhatsApp Cloud API webhook: message statuses"
            + " (delivered, read, failed) and incoming messages (STOP), signed with X-Hub-Signature-256")
    @APIResponse(responseCode = "200", description = "Taken",
            content = @Content(schema = @Schema(implementation = Handled.class)))
    public Response whatsapp(@PathParam("tenantId") long tenantId,
                             @HeaderParam("X-Hub-Signature-256") String signature) throws java.io.IOException {
        // The exact bytes are signed: read raw from the servlet, before any JSON reader could reshape them.
        byte[] body = servletRequest.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return Problem.of("invalid-webhook", "Payload too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "A webhook body may be at most " + MAX_BODY + " bytes.").toResponse();
        }
        return asTenant(tenantId, Channel.WHATSAPP, secret -> {
            if (!WebhookSignatures.whatsappValid(body, signature, secret)) {
                return badSignature("X-Hub-Signature-256");
            }
            JsonObject payload;
            try (JsonReader r = JSON.createReader(new ByteArrayInputStream(body))) {
                payload = r.readObject();
            } catch (RuntimeException e) {
                return Problem.of("invalid-webhook", "Unreadable webhook", Response.Status.BAD_REQUEST,
                        "The body is not a JSON object.").toResponse();
            }
            int statuses = 0;
            int applied = 0;
            int optOuts = 0;
            List<String> unknown = new ArrayList<>();
            for (JsonObject value : values(payload)) {
                for (JsonObject s : objects(value, "statuses")) {
                    statuses++;
                    JsonArray errors = s.containsKey("errors") ? s.getJsonArray("errors") : JsonValue.EMPTY_JSON_ARRAY;
                    String error = errors.isEmpty() ? null : errors.getJsonObject(0).getInt("code", 0) + " "
                            + errors.getJsonObject(0).getString("title", "");
                    switch (reports.status(Channel.WHATSAPP, s.getString("id", ""), s.getString("status", ""), error)) {
                        case APPLIED -> applied++;
                        case UNKNOWN_MESSAGE -> unknown.add(s.getString("id", ""));
                        default -> { }
                    }
                }
                for (JsonObject m : objects(value, "messages")) {
                    if ("text".equals(m.getString("type", "")) && m.containsKey("text")) {
                        optOuts += reports.reply(Channel.WHATSAPP, m.getString("from", null),
                                m.getJsonObject("text").getString("body", "")).size();
                    }
                }
            }
            return unknown.isEmpty() ? Response.ok(new Handled(statuses, applied, optOuts)).build()
                    : unknownMessages(unknown);
        });
    }

    @POST
    @Path("sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postSmsWebhook", summary = "Twilio StatusCallback (MessageSid, MessageStatus) and"
            + " incoming SMS (From, Body: STOP), signed with X-Twilio-Signature")
    @APIResponse(responseCode = "200", description = "Taken",
            content = @Content(schema = @Schema(implementation = Handled.class)))
    public Response sms(@PathParam("tenantId") long tenantId, @HeaderParam("X-Twilio-Signature") String signature,
                        MultivaluedMap<String, String> form) {
        return asTenant(tenantId, Channel.SMS, secret -> {
            Map<String, String> params = new LinkedHashMap<>();
            form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
            String url = callbackUrls.of(tenantId, Channel.SMS).orElse(uri.getRequestUri().toString());
            if (!WebhookSignatures.twilioValid(url, params, signature, secret)) {
                return badSignature("X-Twilio-Signature");
            }
            String sid = params.get("MessageSid");
            if (params.containsKey("MessageStatus")) {
                String error = params.getOrDefault("ErrorCode", "");
                var outcome = reports.status(Channel.SMS, sid, params.get("MessageStatus"), error.isBlank() ? null
                        : "Twilio error " + error);
                return switch (outcome) {
                    case UNKNOWN_MESSAGE -> unknownMessages(List.of(String.valueOf(sid)));
                    case APPLIED -> Response.ok(new Handled(1, 1, 0)).build();
                    case UNCHANGED -> Response.ok(new Handled(1, 0, 0)).build();
                };
            }
            int optOuts = reports.reply(Channel.SMS, params.get("From"), params.get("Body")).size();
            return Response.ok(new Handled(0, 0, optOuts)).build();
        });
    }

    /** Runs {@code work} as the tenant the URL names, given the secret its callbacks are signed with; 404 without it. */
    private Response asTenant(long tenantId, Channel channel, Function<String, Response> work) {
        Actor previous = TenantContext.current().orElse(null);
        TenantContext.set(Actor.system(tenantId, "webhook:" + channel.name().toLowerCase(java.util.Locale.ROOT)));
        try {
            Optional<ProviderSettings> settings = reports.callerSettings();
            if (settings.isEmpty()) {
                return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND, "No such tenant.").toResponse();
            }
            return work.apply(settings.get().signingSecret(channel));
        } finally {
            if (previous == null) {
                TenantContext.clear();
            } else {
                TenantContext.set(previous);
            }
        }
    }

    private static Response badSignature(String header) {
        return Problem.of("bad-signature", "Unauthorized", Response.Status.UNAUTHORIZED,
                "The " + header + " signature is missing or does not match.").toResponse();
    }

    private static Response unknownMessages(List<String> ids) {
        return Problem.of("not-found", "Not found", Response.Status.NOT_FOUND,
                "No sent message with provider id " + String.join(", ", ids) + " (yet).").toResponse();
    }

    private static List<JsonObject> values(JsonObject payload) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject entry : objects(payload, "entry")) {
            for (JsonObject change : objects(entry, "changes")) {
                if (change.get("value") instanceof JsonObject v) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        return o.get(key) instanceof JsonArray a ? a.stream().filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast).toList() : List.of();
    }
}
