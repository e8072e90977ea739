package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.StatementImports;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Reads a statement file (CSV or XLSX) into its accepted transactions and rejected rows, in row order.
 * The whole file is parsed at open because a movement's fingerprint counts its identical twins of
 * the day from the top of the file; the checkpoint is how many items were handed out.
 */
@Named
@Dependent
public class StatementRowReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @EJB
    StatementImports imports;

    private List<Object> items;
    private int next;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        long statementId = JobActor.longProperty(job, "statementId");
        items = JobActor.call(JobActor.of(job), () -> {
            if (checkpoint == null) {
                imports.started(statementId);
            }
            return imports.read(statementId);
        });
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < items.size() ? items.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
