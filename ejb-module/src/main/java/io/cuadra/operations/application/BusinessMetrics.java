package io.cuadra.operations.application;

import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The business and platform figures in MicroProfile Metrics' application registry (Prometheus names in
 * README, "Operations"): orders counted as their transactions commit on this server, the rest read from
 * {@link OperationsFigures} when scraped.
 */
@ApplicationScoped
public class BusinessMetrics {

    /** Every status a document can have (the check constraint of billing_documents): each has a series, zero or not. */
    static final List<String> DOCUMENT_STATUSES = List.of("PENDING", "SENT", "ACCEPTED", "ACCEPTED_WITH_OBSERVATIONS",
            "REJECTED", "CANCELLED", "ISSUED");
    static final List<String> CONNECTION_STATES = List.of("active", "idle", "idle in transaction");

    @Inject
    MetricRegistry registry;

    @Inject
    OperationsFigures figures;

    private Counter registered;
    private Counter paid;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    /** Registers what exists from the start; outbox topics are added as they first appear ({@link #seeTopics}). */
    void register() {
        registered = registry.counter(Metadata.builder().withName("cuadra.orders.registered")
                .withDescription("Orders registered (committed) on this server").build());
        paid = registry.counter(Metadata.builder().withName("cuadra.orders.paid")
                .withDescription("Orders fully paid (committed) on this server").build());
        Metadata documents = Metadata.builder().withName("cuadra.billing.documents")
                .withDescription("Electronic documents (invoices, receipts, credit notes) by status, all tenants").build();
        for (String status : DOCUMENT_STATUSES) {
            registry.gauge(documents, () -> figures.now().documentsByStatus().getOrDefault(status, 0L),
                    new Tag("status", status));
        }
        Metadata connections = Metadata.builder().withName("cuadra.db.connections")
                .withDescription("Connections of the pool (every server) as PostgreSQL sees them, by state").build();
        for (String state : CONNECTION_STATES) {
            registry.gauge(connections, () -> figures.now().connectionsByState().getOrDefault(state, 0L),
                    new Tag("state", state));
        }
        registry.gauge(Metadata.builder().withName("cuadra.outbox.depth.total")
                .withDescription("Outbox messages not yet delivered, every topic").build(), () -> figures.now().outboxDepth());
    }

    /** A gauge pair (depth, age of the oldest) for each outbox topic not seen before. */
    void seeTopics(Map<String, OperationsFigures.Backlog> outbox) {
        Metadata depth = Metadata.builder().withName("cuadra.outbox.depth")
                .withDescription("Outbox messages of the topic not yet delivered (pending or in flight)").build();
        Metadata age = Metadata.builder().withName("cuadra.outbox.oldest.age").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the oldest undelivered message of the topic has waited").build();
        for (String topic : outbox.keySet()) {
            if (topics.add(topic)) {
                Tag tag = new Tag("topic", topic);
                registry.gauge(depth, () -> backlog(topic).depth(), tag);
                registry.gauge(age, () -> backlog(topic).oldestAgeSeconds(), tag);
            }
        }
    }

    private OperationsFigures.Backlog backlog(String topic) {
        return figures.now().outbox().getOrDefault(topic, new OperationsFigures.Backlog(0, 0));
    }

    void registeredOrder(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderRegistered event) {
        if (registered != null) {
            registered.inc();
        }
    }

    void paidOrder(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderPaid event) {
        if (paid != null) {
            paid.inc();
        }
    }
}
