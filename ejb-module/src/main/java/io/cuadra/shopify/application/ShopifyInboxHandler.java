package io.cuadra.shopify.application;

import io.cuadra.shared.inbox.Inbox;
import io.cuadra.shared.inbox.InboxMessage;
import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shared.outbox.OutboxRetry;
import io.cuadra.shopify.infrastructure.ShopifyPayloads;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Handles the webhooks stored in the inbox, after the commit that answered Shopify. */
@ApplicationScoped
public class ShopifyInboxHandler implements OutboxHandler {

    public static final String SOURCE = "shopify";

    @EJB
    Inbox inbox;

    @Inject
    ShopifyOrderIntake intake;

    @Override
    public String topic() {
        return Inbox.topicOf(SOURCE);
    }

    /** Webhooks are independent (each order and refund row is locked, each customer link too): several at once. */
    @Inject
    @ConfigProperty(name = "cuadra.shopify.parallelism", defaultValue = "4")
    int parallelism;

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public void handle(OutboxMessage message) throws OutboxRetry {
        Optional<InboxMessage> stored = inbox.find(message.aggregateId());
        if (stored.isEmpty() || stored.get().processed()) {
            return;
        }
        InboxMessage m = stored.get();
        JsonObject body = ShopifyPayloads.parse(m.payload());
        if (m.topic().startsWith("refunds/")) {
            if (intake.takeRefund(ShopifyPayloads.refundFromRest(body), m.payload(), m.id())
                    == ShopifyOrderSync.RefundOutcome.WAITING) {
                // The refund overtook its order (or the order waits in review): again later, with backoff.
                throw new OutboxRetry("Refund of Shopify order " + body.get("order_id") + ": the order is not in"
                        + " Cuadra yet", null);
            }
        } else if (m.topic().startsWith("customers/")) {
            intake.takeCustomer(ShopifyPayloads.customerFromRest(body), m.id());
        } else {
            intake.take(ShopifyPayloads.orderFromRest(body), m.id());
        }
    }
}
