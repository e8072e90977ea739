package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LisAnswer;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.lab.infrastructure.Mllp;
import io.cuadra.lab.infrastructure.RestLisClient;
import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shared.outbox.OutboxRetry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one order message to the location's LIS after the order's transaction committed: over MLLP (waiting
 * for the HL7 ACK) or REST. The log row records every attempt, the answer and its timing. A LIS that is away
 * (refused connection, timeout, 5xx) is retried with the outbox's backoff until {@code cuadra.outbox.max-attempts};
 * a refusal (AE / AR / 4xx) is FAILED at once and waits for a person. A repeated outbox delivery of a message
 * already acknowledged sends nothing.
 */
@ApplicationScoped
public class LabDelivery implements OutboxHandler {

    @EJB
    LabLedger ledger;

    @Inject
    @ConfigProperty(name = "cuadra.outbox.max-attempts", defaultValue = "30")
    int maxAttempts;

    @Override
    public String topic() {
        return LabOrderSync.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) throws OutboxRetry {
        Optional<LabLedger.Attempt> attempt = ledger.start(message.aggregateId());
        if (attempt.isEmpty()) {
            return;
        }
        LabStore.SyncRow row = attempt.get().row();
        Optional<LabStore.Connection> connection = attempt.get().connection();
        if (connection.isEmpty() || connection.get().adapter() != row.adapter()) {
            ledger.unsendable(row.id(), row.adapter(), connection);
            return;
        }
        long t0 = System.nanoTime();
        LisAnswer answer = send(connection.get(), row.requestPayload());
        int ms = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - t0) / 1_000_000);
        if (ledger.finish(row.id(), answer, ms, message.attempt() >= maxAttempts)) {
            throw new OutboxRetry("LIS of location " + row.locationId() + " unavailable: " + answer.detail(), null);
        }
    }

    static LisAnswer send(LabStore.Connection c, String payload) {
        if (c.adapter() == LabAdapter.REST) {
            return RestLisClient.post(c.restUrl(), c.authHeader(), c.authValue(), c.connectTimeoutMs(),
                    c.readTimeoutMs(), payload);
        }
        try {
            return Hl7Messages.answerOf(Mllp.exchange(c.mllpHost(), c.mllpPort(), c.connectTimeoutMs(),
                    c.readTimeoutMs(), payload));
        } catch (IOException e) {
            return LisAnswer.unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
