package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LabOrderMessage;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.LabTrigger;
import io.cuadra.lab.domain.SyncKind;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabJson;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderRegistered;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.outbox.Outbox;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders out to the LIS. Observes the orders component's events inside their transaction: the order message
 * is built and written to the sync log and the outbox in the same commit as the order, and {@link LabDelivery}
 * sends it afterwards. An order goes once (on registration or payment, the tenant's choice), only when its
 * location has a LIS and it has lab tests (services the lab tests list names); its cancellation sends ORC CA.
 */
@Stateless
public class LabOrderSync {

    public static final String TOPIC = "lab.order";

    @EJB
    LabStore store;

    @EJB
    Outbox outbox;

    public void onRegistered(@Observes OrderRegistered registered) {
        if (store.trigger() == LabTrigger.REGISTERED) {
            send(registered.order());
        }
    }

    public void onPaid(@Observes @Priority(OrderPaid.FOLLOW_UP) OrderPaid paid) {
        if (store.trigger() == LabTrigger.PAID) {
            send(paid.order());
        }
    }

    public void onCancelled(@Observes OrderCancelled cancelled) {
        OrderSnapshot order = cancelled.order();
        Optional<LabStore.LabOrderRef> lab = store.labOrderOf(order.orderId());
        Optional<LabStore.Connection> connection = store.connection(order.locationId());
        if (lab.isEmpty() || connection.isEmpty() || !"SENT".equals(lab.get().status())) {
            return;
        }
        store.labOrderStatus(lab.get().id(), "CANCELLED");
        queue(connection.get(), lab.get().id(), message(SyncKind.CANCEL, order.orderId(), order.number(),
                order.locationCode(), order.customerId(), connection.get(), store.tests(lab.get().id()),
                cancelled.reason()), null);
    }

    private void send(OrderSnapshot order) {
        Optional<LabStore.Connection> connection = store.connection(order.locationId());
        if (connection.isEmpty() || store.labOrderOf(order.orderId()).isPresent()) {
            return;
        }
        Map<Long, String> codes = store.testCodes(order.lines().stream().filter(OrderSnapshot.Line::isService)
                .map(OrderSnapshot.Line::itemId).distinct().toList());
        List<LabTest> tests = order.lines().stream().filter(l -> l.isService() && codes.containsKey(l.itemId()))
                .map(l -> new LabTest(l.lineId(), l.number(), codes.get(l.itemId()), l.itemName())).toList();
        if (tests.isEmpty()) {
            return;
        }
        long labOrderId = store.createLabOrder(order.orderId(), order.number(), order.locationId(), tests);
        queue(connection.get(), labOrderId, message(SyncKind.NEW, order.orderId(), order.number(),
                order.locationCode(), order.customerId(), connection.get(), tests, null), null);
    }

    private LabOrderMessage message(SyncKind kind, long orderId, String number, String locationCode, Long customerId,
                                    LabStore.Connection c, List<LabTest> tests, String cancelReason) {
        return new LabOrderMessage(newControlId(), kind, orderId, number, locationCode, c.lisApplication(),
                c.lisFacility(), Instant.now(), store.patient(customerId), tests, cancelReason);
    }

    /** Writes the log row and the outbox message in the caller's transaction. */
    long queue(LabStore.Connection c, long labOrderId, LabOrderMessage m, Long resendOf) {
        String payload = c.adapter() == LabAdapter.MLLP ? Hl7Messages.orderMessage(m) : LabJson.orderMessage(m);
        long logId = store.logOut(c.locationId(), labOrderId, m.orderId(), m.kind(), c.adapter(), m.controlId(),
                payload, resendOf);
        outbox.enqueue(TOPIC, logId);
        return logId;
    }

    /** MSH-10 allows 20 characters: a random, practically unique id. */
    static String newControlId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
    }
}
