package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.ClosureBook;
import io.cuadra.reconciliation.domain.closure.ClosureDay;
import io.cuadra.reconciliation.infrastructure.DaySource;
import io.cuadra.shared.tenancy.Actor;
import jakarta.batch.api.chunk.ItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one location's business day for the closure job: the orders registered in it, then older
 * orders whose money or documents moved in it, each with its dated payments and refunds, then its
 * invoices, receipts and credit notes, a page at a time in index order, and finally a {@link DayEnd}
 * that tells the writer to publish. A closed day yields nothing at all. The checkpoint is the phase
 * and the index key of the last item handed out, so a restart goes on right after it.
 */
@Named
@Dependent
public class ClosureDayReader extends ClosureStepArtifact implements ItemReader {

    enum Phase { ORDERS, MOVED, DOCUMENTS, END, DONE }

    /** Where reading stands; what the batch runtime stores with each committed chunk. */
    record Position(Phase phase, DaySource.Position after) implements Serializable {
    }

    @Inject
    StepContext step;

    @EJB
    ClosureBook book;

    @EJB
    DaySource source;

    private Actor actor;
    private ClosureDay day;
    private Phase phase;
    private DaySource.Position after;
    private final Deque<Object> items = new ArrayDeque<>();
    private final Deque<DaySource.Position> keys = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) throws Exception {
        actor = actor();
        day = JobActor.call(actor, () -> book.plan(location(), day()));
        step.setTransientUserData(day);
        if (day.status().isFrozen()) {
            phase = Phase.DONE;
            JobActor.run(actor, () -> book.forget(day.closureId(), runKey()));
            return;
        }
        Position at = (Position) checkpoint;
        phase = at == null ? Phase.ORDERS : at.phase();
        after = at == null ? DaySource.Position.START : at.after();
    }

    @Override
    public Object readItem() throws Exception {
        while (items.isEmpty()) {
            switch (phase) {
                case ORDERS -> fill(JobActor.call(actor, () -> source.orders(tenant(), day, after, pageSize())),
                        Phase.MOVED);
                case MOVED -> fill(JobActor.call(actor, () -> source.movedOrders(tenant(), day, after, pageSize())),
                        Phase.DOCUMENTS);
                case DOCUMENTS -> fill(JobActor.call(actor, () -> source.documents(tenant(), day, after, pageSize())),
                        Phase.END);
                case END -> {
                    phase = Phase.DONE;
                    return new DayEnd(day.closureId());
                }
                default -> {
                    return null;
                }
            }
        }
        after = keys.removeFirst();
        return items.removeFirst();
    }

    /** Queues a page's items with their keys; an empty page moves on to the next phase, from its start. */
    private void fill(DaySource.Page<?> page, Phase next) {
        if (page.items().isEmpty()) {
            phase = next;
            after = DaySource.Position.START;
            return;
        }
        items.addAll(page.items());
        keys.addAll(page.keys());
    }

    @Override
    public Serializable checkpointInfo() {
        return new Position(phase, after);
    }

    @Override
    public void close() {
        items.clear();
        keys.clear();
    }
}
