package io.cuadra.billing.application;

import io.cuadra.billing.infrastructure.sunat.SunatResult;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException;
import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shared.outbox.OutboxRetry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Sends one queued document to SUNAT (or the simulator the configuration names) after its issuing
 * transaction committed: SENT, sendBill, then the verdict or a retry with backoff.
 */
@ApplicationScoped
public class SunatDelivery implements OutboxHandler {

    @EJB
    DeliveryLedger ledger;

    @Inject
    SunatGateways gateways;

    @Override
    public String topic() {
        return BillingIssuer.SEND_TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) throws OutboxRetry {
        long id = message.aggregateId();
        Optional<String> refusal = gateways.refusal();
        if (refusal.isPresent()) {
            // Before SENT: the document stays PENDING and its outbox row waits with backoff, nothing on the wire.
            throw new OutboxRetry(refusal.get(), null);
        }
        Optional<DeliveryLedger.Parcel> parcel = ledger.startSending(id, message.attempt());
        if (parcel.isEmpty()) {
            return;
        }
        SunatResult result;
        try {
            result = gateways.forIssuer(parcel.get().issuerRuc()).sendBill(parcel.get().zipName(), parcel.get().zip());
        } catch (SunatRetryableException e) {
            if (e.alreadyRegistered()) {
                // An earlier send got through but its answer was lost: sending again would get 1033 forever.
                ledger.recordVerdict(id, message.attempt(), SunatVerdicts.alreadyRegistered(e));
                return;
            }
            ledger.recordRetry(id, message.attempt(), e);
            throw new OutboxRetry(SunatVerdicts.describe(e), e);
        } catch (RuntimeException e) {
            ledger.recordRetry(id, message.attempt(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new OutboxRetry(e.getMessage(), e);
        }
        ledger.recordVerdict(id, message.attempt(), result);
    }
}
