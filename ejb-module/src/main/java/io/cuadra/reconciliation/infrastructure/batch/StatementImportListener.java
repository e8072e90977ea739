package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.StatementImports;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Marks the statement FAILED when its import job fails, so the screen does not show it importing forever. */
@Named
@Dependent
public class StatementImportListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    StatementImports imports;

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.FAILED) {
            long statementId = JobActor.longProperty(job, "statementId");
            JobActor.run(JobActor.of(job), () -> imports.failed(statementId));
        }
    }
}
