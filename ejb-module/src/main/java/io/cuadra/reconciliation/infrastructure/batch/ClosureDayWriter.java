package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.ClosureBook;
import io.cuadra.reconciliation.domain.closure.ClosureDay;
import io.cuadra.reconciliation.domain.closure.ClosureInput;
import io.cuadra.reconciliation.domain.closure.ClosureTally;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Tallies each chunk on its own and keeps that partial tally in the chunk's transaction, next to the
 * reader's checkpoint: after a failure, the committed chunks' partials are there and the restart
 * reads on from the checkpoint, so nothing is counted twice or lost. With the day's last item it
 * merges the partials and publishes the figures in that same transaction.
 *
 * <p>Failure injection: job parameter {@code failAfterItems} = N makes this execution fail in the
 * chunk that brings the items it wrote to N or more (its transaction rolls back, the job FAILS); a
 * restart drops the parameter. Used by the tests and to rehearse restarts.
 */
@Named
@Dependent
public class ClosureDayWriter extends ClosureStepArtifact implements ItemWriter {

    @Inject
    StepContext step;

    @EJB
    ClosureBook book;

    private long written;

    @Override
    public void open(Serializable checkpoint) {
        written = 0;
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        ClosureDay day = (ClosureDay) step.getTransientUserData();
        ClosureTally chunk = new ClosureTally(day.scope());
        boolean end = false;
        for (Object item : items) {
            if (item instanceof DayEnd) {
                end = true;
            } else {
                chunk.add((ClosureInput) item);
            }
        }
        boolean last = end;
        JobActor.call(actor(), () -> {
            if (last) {
                book.publish(day.closureId(), runKey(), chunk);
            } else {
                book.savePartial(day.closureId(), runKey(), chunk.snapshot().toBytes());
            }
            return null;
        });
        written += items.size();
        Integer failAfter = failAfter();
        if (failAfter != null && written >= failAfter) {
            throw new InjectedFailure("Failure injected by failAfterItems=" + failAfter + " after " + written
                    + " items of " + day.scope());
        }
    }

    @Override
    public void close() {
        // Nothing held between chunks.
    }

    @Override
    public Serializable checkpointInfo() {
        return null;
    }

    /** What the failure injection throws; nothing else does. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
