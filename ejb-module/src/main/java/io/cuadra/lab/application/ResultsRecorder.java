package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LabOrderResults;
import io.cuadra.lab.events.ResultsReady;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.shared.inbox.Inbox;
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
 * Results of one message for one order (an ORU^R01 over MLLP or the REST callback's JSON), in one transaction
 * acting for the order's tenant: marks the lab lines resulted, completes the order (through the orders
 * component's service) when all are, raises {@link ResultsReady}, takes the message id in the inbox and logs it.
 * A refusal (unknown order, cancelled order, test not ordered, duplicate) changes nothing but its log row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ResultsRecorder {

    static final String SOURCE = "lis";

    /** What became of a message. */
    public enum Outcome { ACCEPTED, UNKNOWN_ORDER, DUPLICATE, REFUSED }

    /** The protocol's answer to an outcome (an HL7 ACK, a JSON body): sent back and kept in the log. */
    @FunctionalInterface
    public interface Answers {
        String answer(Outcome outcome, String why);
    }

    /** An outcome, why (null when accepted), and the answer given. */
    public record Recorded(Outcome outcome, String why, String answer) {
    }

    @EJB
    LabStore store;

    @EJB
    Inbox inbox;

    @EJB
    OrderService orders;

    @Inject
    Event<ResultsReady> ready;

    public Recorded record(long orderId, Hl7Messages.Results results, LabAdapter via, String text, Answers answers,
                           long startedNanos) {
        Optional<LabStore.LabOrderRef> found = store.labOrderOf(orderId);
        if (found.isEmpty()) {
            String why = "Unknown order " + results.placerNumber();
            String answer = answers.answer(Outcome.UNKNOWN_ORDER, why);
            store.logIn(null, null, null, via, results.controlId(), false, why, text, answer, millisSince(startedNanos));
            return new Recorded(Outcome.UNKNOWN_ORDER, why, answer);
        }
        LabStore.LabOrderRef lab = found.get();
        List<LabOrderResults.Line> lines = store.resultLines(lab.id());
        LabOrderResults.Verdict verdict = LabOrderResults.judge(lab.status(), lines, results.testCodes());
        if (verdict.accepted() && results.controlId() != null
                && !inbox.takeOnce(SOURCE, results.controlId(), via == LabAdapter.MLLP ? "ORU^R01" : "results", text)) {
            verdict = LabOrderResults.Verdict.duplicate("Duplicate message " + results.controlId());
        }
        if (!verdict.accepted()) {
            Outcome outcome = verdict.repeat() ? Outcome.DUPLICATE : Outcome.REFUSED;
            String answer = answers.answer(outcome, verdict.refusal());
            store.logIn(lab.locationId(), lab.id(), orderId, via, results.controlId(), false, verdict.refusal(), text,
                    answer, millisSince(startedNanos));
            return new Recorded(outcome, verdict.refusal(), answer);
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
        String answer = answers.answer(Outcome.ACCEPTED, null);
        store.logIn(lab.locationId(), lab.id(), orderId, via, results.controlId(), true, null, text, answer,
                millisSince(startedNanos));
        return new Recorded(Outcome.ACCEPTED, null, answer);
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

    /** Logs a message that could not be recorded (its transaction rolled back, or it was unreadable). */
    public void logRefused(Long orderId, LabAdapter via, String controlId, String why, String text, String answer,
                           long startedNanos) {
        Optional<LabStore.LabOrderRef> lab = orderId == null ? Optional.empty() : store.labOrderOf(orderId);
        store.logIn(lab.map(LabStore.LabOrderRef::locationId).orElse(null), lab.map(LabStore.LabOrderRef::id).orElse(null),
                lab.isPresent() ? orderId : null, via, controlId, false, why, text, answer, millisSince(startedNanos));
    }

    static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
