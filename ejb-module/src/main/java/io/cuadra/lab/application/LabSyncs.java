package io.cuadra.lab.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LabTrigger;
import io.cuadra.lab.domain.SyncStatus;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabJson;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.outbox.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sync log as people use it (each method one transaction): the pending and failed messages of the
 * caller's locations, a retry of one not delivered, "send again" of one delivered, and the tenant's LIS setup
 * (when orders go, which services are lab tests, how each location reaches its LIS). Rows of a location the
 * caller does not work at answer 404.
 */
@Stateless
public class LabSyncs {

    private static final SecureRandom TOKENS = new SecureRandom();

    static final Set<SyncStatus> OPEN = EnumSet.of(SyncStatus.PENDING, SyncStatus.RETRYING, SyncStatus.FAILED);

    @EJB
    LabStore store;

    @EJB
    Outbox outbox;

    /**
     * Log rows, newest first. {@code locationId} null: every location the caller works at; {@code open}: only
     * pending, retrying and failed ones.
     */
    public List<LabStore.SyncRow> list(Long locationId, boolean open, Long orderId, int limit) {
        Caller caller = CurrentCaller.require();
        Collection<Long> locations;
        if (locationId != null) {
            if (!caller.worksAt(locationId)) {
                throw new NotFound("No location " + locationId + ".").withKey("lab.location", locationId);
            }
            locations = List.of(locationId);
        } else {
            locations = caller.allLocations() ? null : caller.locationIds();
        }
        return store.rows(locations, open ? OPEN : null, orderId, Math.max(1, Math.min(limit, 500)));
    }

    public LabStore.SyncRow get(long id) {
        return visible(id);
    }

    /** Another attempt now of a message not delivered (pending, retrying or given up). */
    public LabStore.SyncRow retry(long id) {
        LabStore.SyncRow row = visible(id);
        if (!"OUT".equals(row.direction()) || !row.status().retryable()) {
            throw new Conflict("Sync " + id + " is " + row.status() + " (" + row.direction()
                    + "): only a message to the LIS not delivered yet is retried; a delivered one is sent again.").withKey("lab.retryDelivered", id, row.status());
        }
        store.markForRetry(id);
        outbox.retryNow(LabOrderSync.TOPIC, id);
        return store.row(id).orElseThrow();
    }

    /** Sends a delivered message again, as a new log row under a new control id. */
    public LabStore.SyncRow sendAgain(long id) {
        LabStore.SyncRow row = visible(id);
        if (!"OUT".equals(row.direction()) || row.status() != SyncStatus.SUCCESS) {
            throw new Conflict("Sync " + id + " is " + row.status() + " (" + row.direction()
                    + "): only a message the LIS acknowledged is sent again; retry one not delivered.").withKey("lab.sendAgainUndelivered", id, row.status());
        }
        LabStore.LabOrderRef lab = store.labOrderOf(row.orderId())
                .orElseThrow(() -> new NotFound("No lab order for sync " + id + ".").withKey("lab.noOrderForSync", id));
        String controlId = LabOrderSync.newControlId();
        String payload = row.adapter() == LabAdapter.MLLP ? Hl7Messages.withControlId(row.requestPayload(), controlId)
                : LabJson.withMessageId(row.requestPayload(), controlId);
        long logId = store.logOut(row.locationId(), lab.id(), row.orderId(), row.kind(), row.adapter(), controlId,
                payload, id);
        outbox.enqueue(LabOrderSync.TOPIC, logId);
        return store.row(logId).orElseThrow();
    }

    private LabStore.SyncRow visible(long id) {
        LabStore.SyncRow row = store.row(id).orElseThrow(() -> new NotFound("No lab sync " + id + ".").withKey("lab.sync", id));
        if (row.locationId() != null && !CurrentCaller.require().worksAt(row.locationId())) {
            throw new NotFound("No lab sync " + id + ".").withKey("lab.sync", id);
        }
        return row;
    }

    // --- setup ---

    /**
     * A new token for the REST results callback (the previous one stops working at once). Returned this once;
     * only its SHA-256 is kept.
     */
    public String newResultsToken() {
        byte[] random = new byte[32];
        TOKENS.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store.setResultsTokenHash(LabResults.sha256Hex(token));
        return token;
    }

    public boolean hasResultsToken() {
        return store.resultsTokenHash().isPresent();
    }

    public LabTrigger trigger() {
        return store.trigger();
    }

    /** When orders go to the LIS and whether a results token is set, read in one transaction. */
    public record Settings(LabTrigger trigger, boolean hasResultsToken) {
    }

    public Settings settings() {
        return new Settings(store.trigger(), store.resultsTokenHash().isPresent());
    }

    public void sendOn(LabTrigger trigger) {
        if (trigger == null) {
            throw new RuleViolation("sendOn: REGISTERED or PAID.").withKey("lab.sendOn");
        }
        store.setTrigger(trigger);
    }

    /** Marks a catalog service as a lab test with the LIS's code for it (null code: no longer a lab test). */
    public void labTest(long itemId, String testCode) {
        if (!store.isService(itemId)) {
            throw new NotFound("No service " + itemId + " in the catalog (only services are lab tests).").withKey("lab.service", itemId);
        }
        if (testCode == null || testCode.isBlank()) {
            store.unmapTest(itemId);
            return;
        }
        if (!testCode.strip().matches("[A-Za-z0-9._-]{1,40}")) {
            throw new RuleViolation("testCode: 1 to 40 letters, digits, '.', '_' or '-'.").withKey("lab.testCode");
        }
        store.mapTest(itemId, testCode.strip());
    }

    public void connect(LabStore.Connection c) {
        if (!store.locationExists(c.locationId()) || !CurrentCaller.require().worksAt(c.locationId())) {
            throw new NotFound("No location " + c.locationId() + ".").withKey("lab.location", c.locationId());
        }
        if (c.adapter() == null) {
            throw new RuleViolation("adapter: MLLP or REST.").withKey("lab.adapter");
        }
        if (c.adapter() == LabAdapter.MLLP && (c.mllpHost() == null || c.mllpHost().isBlank() || c.mllpPort() == null
                || c.mllpPort() < 1 || c.mllpPort() > 65535)) {
            throw new RuleViolation("mllpHost and mllpPort (1-65535): where the LIS listens for HL7.").withKey("lab.mllp");
        }
        if (c.adapter() == LabAdapter.REST && (c.restUrl() == null || !c.restUrl().matches("https?://\\S+"))) {
            throw new RuleViolation("restUrl: the http(s) address the LIS takes orders at.").withKey("lab.restUrl");
        }
        if (c.connectTimeoutMs() < 100 || c.connectTimeoutMs() > 60000 || c.readTimeoutMs() < 100
                || c.readTimeoutMs() > 120000) {
            throw new RuleViolation("connectTimeoutMs 100-60000 and readTimeoutMs 100-120000.").withKey("lab.timeouts");
        }
        store.saveConnection(c);
    }

    public LabStore.Connection connection(long locationId) {
        if (!store.locationExists(locationId) || !CurrentCaller.require().worksAt(locationId)) {
            throw new NotFound("No location " + locationId + ".").withKey("lab.location", locationId);
        }
        return store.connection(locationId).orElseThrow(() -> new NotFound("Location " + locationId
                + " has no laboratory system.").withKey("lab.noConnection", locationId));
    }

    public void disconnect(long locationId) {
        connection(locationId);
        store.removeConnection(locationId);
    }
}
