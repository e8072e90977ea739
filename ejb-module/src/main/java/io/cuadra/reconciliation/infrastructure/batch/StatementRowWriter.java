package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.StatementImports;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Stores a chunk of statement rows in the chunk's transaction; movements already known are skipped by fingerprint. */
@Named
@Dependent
public class StatementRowWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @EJB
    StatementImports imports;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        long statementId = JobActor.longProperty(job, "statementId");
        JobActor.call(JobActor.of(job), () -> imports.store(statementId, items));
    }
}
