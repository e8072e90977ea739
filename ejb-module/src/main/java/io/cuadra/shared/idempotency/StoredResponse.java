package io.cuadra.shared.idempotency;

/**
 * The response of an idempotent request as it was first given, to be given again for a retry.
 *
 * @param locationId the location the request acted in (null: none in particular); a replay is only
 *                   given to a caller who may see it
 * @param replayed   true when this is the stored answer of an earlier request with the same key
 */
public record StoredResponse(int status, String body, String location, String etag, Long locationId,
                             boolean replayed) {

    public static StoredResponse of(int status, String body, String location, String etag, Long locationId) {
        return new StoredResponse(status, body, location, etag, locationId, false);
    }
}
