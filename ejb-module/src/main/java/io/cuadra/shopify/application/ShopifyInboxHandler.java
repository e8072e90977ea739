package io.cuadra.shopify.application;

import io.cuadra.shared.inbox.Inbox;
import io.cuadra.shared.inbox.InboxMessage;
import io.cuadra.shared.outbox.OutboxHandler;
import io.cuadra.shared.outbox.OutboxMessage;
import io.cuadra.shopify.infrastructure.ShopifyPayloads;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;

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

    @Override
    public void handle(OutboxMessage message) {
        Optional<InboxMessage> stored = inbox.find(message.aggregateId());
        if (stored.isEmpty() || stored.get().processed()) {
            return;
        }
        InboxMessage m = stored.get();
        JsonObject body = ShopifyPayloads.parse(m.payload());
        if (m.topic().startsWith("customers/")) {
            intake.takeCustomer(ShopifyPayloads.customerFromRest(body), m.id());
        } else {
            intake.take(ShopifyPayloads.orderFromRest(body), m.id());
        }
    }
}
