package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LisAnswer;
import io.cuadra.lab.domain.SyncStatus;
import io.cuadra.lab.infrastructure.LabStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;

/**
 * The delivery's bookkeeping, each step its own short transaction so nothing is locked while the LIS is
 * being talked to: start an attempt (with the location's connection as it is now), record its outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LabLedger {

    @EJB
    LabStore store;

    /** What one attempt sends and where to; empty when the message is delivered or given up already. */
    public record Attempt(LabStore.SyncRow row, Optional<LabStore.Connection> connection) {
    }

    public Optional<Attempt> start(long logId) {
        return store.startAttempt(logId).map(row -> new Attempt(row,
                row.locationId() == null ? Optional.empty() : store.connection(row.locationId())));
    }

    /**
     * Records what the LIS answered. Returns whether the message is to be tried again: it is when the LIS was
     * away and the attempts are not spent; a refusal (AE / AR, a 4xx) is FAILED at once.
     */
    public boolean finish(long logId, LisAnswer answer, int durationMs, boolean lastAttempt) {
        SyncStatus status = switch (answer.outcome()) {
            case ACCEPTED -> SyncStatus.SUCCESS;
            case REFUSED -> SyncStatus.FAILED;
            case UNAVAILABLE -> lastAttempt ? SyncStatus.FAILED : SyncStatus.RETRYING;
        };
        store.finishAttempt(logId, status, answer.detail(), answer.payload(), durationMs);
        return status == SyncStatus.RETRYING;
    }

    /** The location lost its LIS, or changed adapter, since the message was written. */
    public void unsendable(long logId, LabAdapter written, Optional<LabStore.Connection> now) {
        store.finishAttempt(logId, SyncStatus.FAILED, now.isEmpty() ? "The location has no laboratory system any more."
                : "The location's LIS is now reached by " + now.get().adapter() + ", this message was written for "
                + written + ": send the order again.", null, 0);
    }
}
