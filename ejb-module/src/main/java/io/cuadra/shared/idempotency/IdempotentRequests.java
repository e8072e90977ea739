package io.cuadra.shared.idempotency;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Runs a request at most once per {@code Idempotency-Key} and tenant, in one transaction with the
 * key: the key row, the work and the stored response commit together or not at all. A key is also
 * scoped to the caller's location rights: its stored response names the location the request acted
 * in, and a caller who may not see that location gets 404, as for the order itself.
 *
 * <ul>
 *   <li>The same key with the same request (fingerprint) answers the stored response again.</li>
 *   <li>The same key with another request is refused (422): the client reused a key by mistake.</li>
 *   <li>A request with a key that another transaction holds right now waits on the key's unique
 *       index; when that one commits, this one is refused with 409 and does nothing (retrying then
 *       gives the stored response). If it rolled back, this one does the work itself.</li>
 * </ul>
 * A request that fails stores nothing, so a retry runs again. Keys are kept at least
 * {@link IdempotencyKeyCleanup#KEEP} (then deleted).
 */
@Stateless
public class IdempotentRequests {

    /** RFC draft "The Idempotency-Key HTTP Header Field": keys are opaque strings; ours fit an index. */
    public static final int MAX_KEY_LENGTH = 255;

    private static final String FIND = """
            select request_hash, response_status, response_body, response_location, response_etag, location_id
            from idempotency_keys where tenant_id = ?1 and idempotency_key = ?2""";
    private static final String CLAIM = """
            insert into idempotency_keys (tenant_id, idempotency_key, request_hash, operation)
            values (?1, ?2, ?3, ?4) on conflict do nothing""";
    private static final String STORE = """
            update idempotency_keys set response_status = ?3, response_body = ?4, response_location = ?5,
                   response_etag = ?6, location_id = cast(?7 as bigint)
            where tenant_id = ?1 and idempotency_key = ?2""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /**
     * @param key         the client's Idempotency-Key, or null to simply run the work in a transaction
     * @param operation   what the key is used for, e.g. "POST /api/orders" (kept for people reading the table)
     * @param fingerprint {@link RequestFingerprint} of the request
     * @param mayReplayAt whether the caller may see a location: a stored response of another location is
     *                    not replayed to them (404)
     * @param work        the request's work and its response, run inside this transaction
     */
    public StoredResponse execute(String key, String operation, String fingerprint, LongPredicate mayReplayAt,
                                  Supplier<StoredResponse> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new RuleViolation("Idempotency-Key: 1 to " + MAX_KEY_LENGTH + " characters.").withKey("shared.characters", MAX_KEY_LENGTH);
        }
        long tenant = TenantContext.require().tenantId();
        @SuppressWarnings("unchecked")
        List<Object[]> found = CrossTenantSql.query(em, FIND).setParameter(1, tenant).setParameter(2, key)
                .getResultList();
        if (!found.isEmpty()) {
            return replay(found.get(0), fingerprint, mayReplayAt);
        }
        int claimed = CrossTenantSql.query(em, CLAIM).setParameter(1, tenant).setParameter(2, key)
                .setParameter(3, fingerprint).setParameter(4, operation).executeUpdate();
        if (claimed == 0) {
            throw new Conflict("Another request with this Idempotency-Key was being processed at the same time;"
                    + " retry to get its response.").withKey("shared.anotherRequestIdempotency");
        }
        StoredResponse response = work.get();
        CrossTenantSql.query(em, STORE).setParameter(1, tenant).setParameter(2, key)
                .setParameter(3, response.status()).setParameter(4, response.body())
                .setParameter(5, response.location()).setParameter(6, response.etag())
                .setParameter(7, response.locationId()).executeUpdate();
        return response;
    }

    private static StoredResponse replay(Object[] row, String fingerprint, LongPredicate mayReplayAt) {
        // Before the fingerprint: a caller of another location learns nothing, not even that the key was used.
        if (row[5] != null && !mayReplayAt.test(((Number) row[5]).longValue())) {
            throw new NotFound("Nothing was done with this Idempotency-Key at your locations.").withKey("shared.nothingDoneIdempotency");
        }
        if (!fingerprint.equals(row[0])) {
            throw new RuleViolation("This Idempotency-Key was used for a different request; use a new key for a"
                    + " new request.").withKey("shared.idempotencyKeyUsed");
        }
        return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4],
                row[5] == null ? null : ((Number) row[5]).longValue(), true);
    }
}
