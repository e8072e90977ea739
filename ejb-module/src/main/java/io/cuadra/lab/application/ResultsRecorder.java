package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabOrderResults;
import io.cuadra.lab.events.ResultsReady;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.shared.inbox.ReceivedMessages;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Results of one ORU^R01 for one order, in one transaction acting for the order's tenant: marks the lab
 * lines resulted, completes the order (through the orders component's service) when all are, raises
 * {@link ResultsReady}, remembers the message id and logs it. A refusal (cancelled order, test not ordered,
 * duplicate) changes nothing but its log row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ResultsRecorder {

    static final String SOURCE = "lis";

    @EJB
    LabStore store;

    @EJB
    ReceivedMessages received;

    @EJB
    OrderService orders;

    @Inject
    Event<ResultsReady> ready;

    /** The acknowledgement to answer, AA or AE. */
    public String record(long orderId, Hl7Messages.Results results, String text, long startedNanos) {
        Optional<LabStore.LabOrderRef> found = store.labOrderOf(orderId);
        if (found.isEmpty()) {
            return Hl7Messages.refuse(text, false, "Unknown order " + orderId);
        }
        LabStore.LabOrderRef lab = found.get();
        List<LabOrderResults.Line> lines = store.resultLines(lab.id());
        LabOrderResults.Verdict verdict = LabOrderResults.judge(lab.status(), lines, results.testCodes());
        if (verdict.accepted() && results.controlId() != null
                && !received.firstReceipt(SOURCE, results.controlId(), TenantContext.require().tenantId())) {
            verdict = new LabOrderResults.Verdict(false, "Duplicate message " + results.controlId(), List.of(), false);
        }
        if (!verdict.accepted()) {
            String ack = Hl7Messages.refuse(text, false, verdict.refusal());
            store.logIn(lab.locationId(), lab.id(), orderId, results.controlId(), false, verdict.refusal(), text, ack,
                    millisSince(startedNanos));
            return ack;
        }
        for (LabOrderResults.Line line : verdict.toMark()) {
            store.markResulted(lab.id(), line.lineNumber(), results.observations().stream()
                    .filter(o -> o.startsWith(line.testCode() + "\t"))
                    .map(o -> o.substring(line.testCode().length() + 1)).collect(Collectors.joining("\n")));
        }
        if (verdict.completesOrder()) {
            store.labOrderStatus(lab.id(), "RESULTED");
            Order order = complete(orderId);
            ready.fire(new ResultsReady(orderId, lab.orderNumber(), lab.locationId(), order.getCustomerId(),
                    lines.size(), Instant.now()));
        }
        String ack = Hl7Messages.accept(text);
        store.logIn(lab.locationId(), lab.id(), orderId, results.controlId(), true, null, text, ack,
                millisSince(startedNanos));
        return ack;
    }

    /** Moves the order on to COMPLETED when its work is still open; a finished one keeps its status. */
    private Order complete(long orderId) {
        Order order = orders.find(orderId);
        String note = "Laboratory results received";
        if (order.getStatus() == OrderStatus.REGISTERED) {
            order = orders.changeStatus(orderId, order.getVersion(), OrderStatus.IN_PROCESS, note);
        }
        if (order.getStatus() == OrderStatus.IN_PROCESS) {
            order = orders.changeStatus(orderId, order.getVersion(), OrderStatus.COMPLETED, note);
        }
        return order;
    }

    /** Logs a message that could not be recorded (its transaction rolled back): nothing else changed. */
    public void logRefused(long orderId, String controlId, String why, String text, String ack, long startedNanos) {
        Optional<LabStore.LabOrderRef> lab = store.labOrderOf(orderId);
        store.logIn(lab.map(LabStore.LabOrderRef::locationId).orElse(null), lab.map(LabStore.LabOrderRef::id).orElse(null),
                orderId, controlId, false, why, text, ack, millisSince(startedNanos));
    }

    static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
