package io.cuadra.web.platform;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.shared.idempotency.IdempotentRequests;
import io.cuadra.shared.idempotency.RequestFingerprint;
import io.cuadra.shared.idempotency.StoredResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The HTTP side of {@link IdempotentRequests}: a POST honouring {@code Idempotency-Key}. The response
 * is written to JSON inside the request's transaction and stored with the key, so a retry gets the
 * same status, body, Location and ETag (and {@code Idempotent-Replayed: true}) — if the caller may see the
 * location the request acted in; anyone else gets 404.
 */
@ApplicationScoped
public class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The API's own JSON-B configuration, so a stored body reads exactly like a fresh one. */
    private static final Jsonb JSON = new JsonbConfiguration().getContext(Object.class);

    @EJB
    IdempotentRequests requests;

    @EJB
    CompanyService companies;

    /**
     * What the work answers: status, the response record, its Location and ETag if any, and the business
     * location it acted in (which scopes a replay; null if none).
     */
    public record Reply(int status, Object entity, URI location, EntityTag etag, Long locationId) {
    }

    /**
     * @param operation e.g. "POST /api/orders/{id}/payments" with the id filled in
     * @param body      the parsed request body: written again canonically to fingerprint the request
     */
    public Response run(String key, String operation, Object body, Supplier<Reply> work) {
        StoredResponse stored = once(key, operation, JSON.toJson(body), work);
        Response.ResponseBuilder response = Response.status(stored.status())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(stored.body());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            response.tag(new EntityTag(stored.etag()));
        }
        if (stored.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /**
     * The action behind {@code key} done once, for REST and JSF alike: the first call does the work inside the
     * key's transaction and stores its reply; a later call with the same key and the same request answers the
     * stored reply (a different request with the key is refused).
     *
     * @param canonical the request as text, the same for the same request (its fingerprint)
     */
    public StoredResponse once(String key, String operation, String canonical, Supplier<Reply> work) {
        String fingerprint = RequestFingerprint.of(operation, canonical);
        return requests.execute(key, operation, fingerprint, CurrentCaller.require()::worksAt, () -> {
            Reply reply = work.get();
            return StoredResponse.of(reply.status(), json(reply.entity()),
                    reply.location() == null ? null : reply.location().toString(),
                    reply.etag() == null ? null : reply.etag().getValue(), reply.locationId());
        });
    }

    /** The stored body reads like a fresh one: JSON-B's output with its amounts as strings. */
    private String json(Object entity) {
        if (entity == null) {
            return JSON.toJson(null);
        }
        try (jakarta.json.JsonReader reader = JsonProviders.JSON.createReader(new java.io.StringReader(JSON.toJson(entity)))) {
            return Amounts.write(reader.readValue(), entity, AmountWriting.tenantCurrency(companies)).toString();
        }
    }
}
